package io.financing.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

class ProcessedMessagesTest {

    private static HikariDataSource dataSource;
    private static ProcessedMessages processed;
    private static EventStore store;
    private static TransactionTemplate transaction;

    private final String message = UUID.randomUUID().toString();

    @BeforeAll
    static void database() {
        dataSource = TestDatabase.fresh();
        processed = new ProcessedMessages(dataSource);
        store = new PostgresEventStore(dataSource);
        transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    @AfterAll
    static void close() {
        dataSource.close();
    }

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
            store.create(stream, "Thing", EventStoreContract.events(1));
        });

        assertThat(store.contains(stream)).isTrue();
        assertThat(processed.markProcessed("handler", message)).isFalse();
    }

    @Test
    void theRecordAndTheEffectsRollBackTogetherSoTheMessageIsProcessedAnew() {
        UUID stream = UUID.randomUUID();

        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
            processed.markProcessed("handler", message);
            store.create(stream, "Thing", EventStoreContract.events(1));
            throw new IllegalStateException("the handler failed after its effects");
        })).hasMessage("the handler failed after its effects");

        assertThat(store.contains(stream)).isFalse();
        assertThat(processed.markProcessed("handler", message)).isTrue();
    }
}
