package io.financing.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.JdbcTemplate;
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

    @Test
    void anExpiredRecordIsForgottenAndAnUnexpiredOneStillDeduplicates() {
        String expired = UUID.randomUUID().toString();
        processed.markProcessed("saga", expired);
        processed.markProcessed("saga", message);
        processedAgo(expired, Duration.ofDays(8));

        assertThat(processed.forgetProcessedBefore(Instant.now().minus(Duration.ofDays(7)), 1_000)).isEqualTo(1);

        assertThat(processed.markProcessed("saga", message)).as("unexpired: still a duplicate").isFalse();
        assertThat(processed.markProcessed("saga", expired)).as("forgotten: new again").isTrue();
    }

    @Test
    void recordsAreForgottenInBatchesOfTheSizeAsked() {
        List<String> expired = List.of(UUID.randomUUID().toString(), UUID.randomUUID().toString(),
                UUID.randomUUID().toString());
        processed.markProcessed("saga", expired);
        expired.forEach(id -> processedAgo(id, Duration.ofDays(30)));
        Instant cutoff = Instant.now().minus(Duration.ofDays(7));

        assertThat(processed.forgetProcessedBefore(cutoff, 2)).isEqualTo(2);
        assertThat(processed.forgetProcessedBefore(cutoff, 2)).isEqualTo(1);
        assertThat(processed.forgetProcessedBefore(cutoff, 2)).isZero();
    }

    private static void processedAgo(String messageId, Duration ago) {
        new JdbcTemplate(database.dataSource()).update("UPDATE eventstore.processed_messages"
                + " SET processed_at = now() - make_interval(secs => ?) WHERE message_id = ?", ago.toSeconds(), messageId);
    }
}
