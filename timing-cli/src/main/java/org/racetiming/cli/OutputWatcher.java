package org.racetiming.cli;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.racetiming.output.Standings;
import org.racetiming.topics.Topic;

/** Reads a standings topic of one session until a record satisfies a condition. */
final class OutputWatcher implements AutoCloseable {

    private final KafkaConsumer<String, Standings> consumer;
    private final String sessionId;

    OutputWatcher(String bootstrapServers, Topic<String, Standings> topic, String sessionId) {
        this(bootstrapServers, topic, sessionId, true);
    }

    /** @param fromBeginning false to see only records written from now on */
    OutputWatcher(String bootstrapServers, Topic<String, Standings> topic, String sessionId, boolean fromBeginning) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        this.consumer = new KafkaConsumer<>(props, topic.keySerde().deserializer(), topic.valueSerde().deserializer());
        List<TopicPartition> partitions = Partitions.assignAll(this.consumer, topic.name());
        if (fromBeginning) {
            this.consumer.seekToBeginning(partitions);
        } else {
            this.consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position); // fix the position now, before anything new is written
        }
        this.sessionId = sessionId;
    }

    /** The first record of the session that matches, or an exception after {@code timeout}. */
    Standings await(Predicate<Standings> condition, Duration timeout, String waitingFor) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Standings last = null;
        while (System.nanoTime() < deadline) {
            for (ConsumerRecord<String, Standings> record : consumer.poll(Duration.ofMillis(100))) {
                if (record.value() != null && sessionId.equals(record.value().getSessionId())) {
                    last = record.value();
                    if (condition.test(last)) {
                        return last;
                    }
                }
            }
        }
        throw new IllegalStateException("timed out after " + timeout.toSeconds() + " s waiting for " + waitingFor
                + (last == null ? " (nothing received for session " + sessionId + ")"
                        : " (last seen: " + last.getEventsSeen() + " events)"));
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(2));
    }
}
