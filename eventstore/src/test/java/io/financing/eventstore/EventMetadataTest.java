package io.financing.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventMetadataTest {

    private static final UUID COMMAND = UUID.randomUUID();

    @Test
    void keepsAWellFormedTraceparentAndGoesOnWithItToTheNextEvent() {
        var metadata = EventMetadata.causedBy(COMMAND).tracedBy("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");

        assertThat(metadata.causedNext(UUID.randomUUID()).traceparent())
                .isEqualTo("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
    }

    /** It is written into the stored JSON as it is: nothing but the W3C form may get there. */
    @Test
    void dropsATraceparentThatIsNotWellFormed() {
        assertThat(EventMetadata.causedBy(COMMAND).tracedBy("00-4bf92f35\",\"x\":\"-00f067aa0ba902b7-01").traceparent()).isNull();
        assertThat(EventMetadata.causedBy(COMMAND).tracedBy("").traceparent()).isNull();
        assertThat(EventMetadata.causedBy(COMMAND).traceparent()).isNull();
    }
}
