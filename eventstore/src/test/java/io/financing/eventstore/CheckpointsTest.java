package io.financing.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class CheckpointsTest {

    @RegisterExtension
    static final TestDatabase database = new TestDatabase();

    @Test
    void aReaderStartsAtTheStartAndIsBehindByWhatFollowsItsSavedCheckpoint() {
        var checkpoints = new Checkpoints(database.dataSource());
        List<StoredEvent> stored = database.store().create(UUID.randomUUID(), "Thing", EventStoreContract.events(3));

        assertThat(checkpoints.load("reader")).isEqualTo(Checkpoint.START);
        assertThat(checkpoints.lag("reader")).isEqualTo(3);

        checkpoints.save("reader", Checkpoint.after(stored.get(0)));

        assertThat(checkpoints.load("reader")).isEqualTo(Checkpoint.after(stored.get(0)));
        assertThat(checkpoints.lag("reader")).isEqualTo(2);
    }
}
