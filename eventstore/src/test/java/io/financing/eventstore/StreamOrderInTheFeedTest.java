package io.financing.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Readers of all events go by (writing transaction, position), and a transaction's id is taken at its
 * first write, perhaps long before it appends to a stream. Found by the load generator: a consumer's
 * transaction recorded its message (taking its id), then appended version 3 of an invoice after a
 * younger transaction had appended version 2, and the feed delivered version 3 first.
 */
class StreamOrderInTheFeedTest {

    @RegisterExtension
    static final TestDatabase database = new TestDatabase();

    @Test
    void aTransactionOlderThanTheStreamsLastWriterMayNotAppendAndSucceedsWhenRunAgain() throws Exception {
        UUID id = UUID.randomUUID();
        EventStore store = database.store();
        store.create(id, "Thing", EventStoreContract.events(1));

        try (Connection older = database.dataSource().getConnection()) {
            older.setAutoCommit(false);
            var inOlder = new PostgresEventStore(new SingleConnectionDataSource(older, true));
            inOlder.create(UUID.randomUUID(), "Other", EventStoreContract.events(1)); // takes its transaction id
            store.append(id, 1, EventStoreContract.events(1)); // a younger transaction writes version 2

            assertThatThrownBy(() -> inOlder.append(id, 2, EventStoreContract.events(1)))
                    .isInstanceOf(StaleTransactionException.class);
            older.rollback();
        }
        store.append(id, 2, EventStoreContract.events(1)); // the same change, run again

        assertThat(new OrderedEventReader(database.dataSource()).readAfter(Checkpoint.START, 1_000))
                .filteredOn(event -> event.streamId().equals(id))
                .extracting(StoredEvent::version).containsExactly(1L, 2L, 3L);
    }
}
