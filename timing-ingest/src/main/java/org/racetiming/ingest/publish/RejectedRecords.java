package org.racetiming.ingest.publish;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.racetiming.topics.Topics;

/**
 * Reads back what was rejected for a session from timing-events-rejected, with the reason and source
 * headers: for operators asking why a row is missing, and for tests.
 */
public final class RejectedRecords {

    /** A record of timing-events-rejected: the raw input and its headers. */
    public record Rejected(String rawText, Map<String, String> headers) {
        public String reason() {
            return headers.get(Topics.HEADER_REASON);
        }

        public String source() {
            return headers.get(Topics.HEADER_SOURCE);
        }
    }

    private RejectedRecords() {
    }

    /** Every record of timing-events-rejected keyed by the session, up to the end of the topic now. */
    public static List<Rejected> rejected(String bootstrapServers, String sessionId) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.TIMING_EVENTS_REJECTED).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            Map<TopicPartition, Long> end = new HashMap<>(consumer.endOffsets(partitions));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            List<Rejected> found = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + Topics.TIMING_EVENTS_REJECTED + " to its end in 30 s");
                }
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (sessionId.equals(record.key())) {
                        Map<String, String> headers = new HashMap<>();
                        for (Header header : record.headers()) {
                            headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
                        }
                        found.add(new Rejected(record.value(), headers));
                    }
                }
            }
            return found;
        }
    }
}
