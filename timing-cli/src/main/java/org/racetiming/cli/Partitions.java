package org.racetiming.cli;

import java.util.List;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

/** The command's readers are assigned, not subscribed: no consumer group to join, so reading starts at once. */
final class Partitions {

    private Partitions() {
    }

    /** Assigns every partition of {@code topic} to the consumer and returns them. */
    static List<TopicPartition> assignAll(Consumer<?, ?> consumer, String topic) {
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        return partitions;
    }
}
