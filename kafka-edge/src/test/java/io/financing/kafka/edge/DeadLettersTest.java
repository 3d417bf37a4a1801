package io.financing.kafka.edge;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

class DeadLettersTest {

    @Test
    void eachConsumedTopicHasItsDeadLettersTopicOfOnePartition() {
        var topics = DeadLetters.newTopics(".DLT", 3, "financing.commands", "financing.events");

        assertThat(topics).extracting(NewTopic::name)
                .containsExactly("financing.commands.DLT", "financing.events.DLT");
        assertThat(topics).allSatisfy(topic -> {
            assertThat(topic.numPartitions()).isEqualTo(1);
            assertThat(topic.replicationFactor()).isEqualTo((short) 3);
        });
    }
}
