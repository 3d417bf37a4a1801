package io.financing.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

class ProcessedMessagesTest {

    @RegisterExtension
    static final TestDatabase database = new TestDatabase();

    private final ProcessedMessages processed = new ProcessedMessages(database.dataSource());
    private final TransactionTemplate transaction =
            new TransactionTemplate(new DataSourceTransactionManager(database.dataSource()));

    private final String message = UUID.randomUUID().toString();

    @Test
    void aMessageIsNewOnceAndAfterThatKnown() {
        assertThat(processed.markProcessed("saga", message)).isTrue();
        assertThat(processed.markProcessed("saga", message)).isFalse();
    }

    @Test
    void consumersKeepTheirOwnRecords() {
        assertThat(processed.markProcessed("saga", message)).isTrue();
        assertThat(processed.markProcessed("projector", message)).isTrue();
    }

    @Test
    void theRecordAndTheEffectsCommitTogether() {
        UUID stream = UUID.randomUUID();

        transaction.executeWithoutResult(status -> {
            processed.markProcessed("handler", message);
            database.store().create(stream, "Thing", EventStoreContract.events(1));
        });

        assertThat(database.store().contains(stream)).isTrue();
        assertThat(processed.markProcessed("handler", message)).isFalse();
    }

    @Test
    void theRecordAndTheEffectsRollBackTogetherSoTheMessageIsProcessedAnew() {
        UUID stream = UUID.randomUUID();

        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
            processed.markProcessed("handler", message);
            database.store().create(stream, "Thing", EventStoreContract.events(1));
            throw new IllegalStateException("the handler failed after its effects");
        })).hasMessage("the handler failed after its effects");

        assertThat(database.store().contains(stream)).isFalse();
        assertThat(processed.markProcessed("handler", message)).isTrue();
    }
}
