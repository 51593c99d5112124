package org.racetiming.ingest.replay;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.racetiming.event.TimingEvent;
import org.racetiming.topics.Topic;

/**
 * Reads one session's recorded events back from {@code timing-events}, in the order they were
 * published: a plain consumer (no group, nothing committed) assigned to the partitions, keeping the
 * records whose key is the session id, up to the end offsets taken when the read starts, so that it
 * ends even while others keep publishing. Only the session's values are decoded.
 */
public final class SessionEventsReader {

    /** Which partitions to read. */
    public enum Scope {
        /**
         * The one partition the producer's default partitioner puts the session's key in: fast, and
         * right as long as the topic's partition count has not changed since the session was published.
         */
        KEY_PARTITION,
        /** Every partition: slower on a big topic, right whatever the partitioning was. */
        ALL_PARTITIONS
    }

    /**
     * What a read found.
     *
     * @param events             the session's events, in topic order
     * @param otherSessionEvents how many records of the other session asked about were seen (0 if none was asked)
     */
    public record Recording(List<TimingEvent> events, long otherSessionEvents) {
    }

    private static final Duration POLL = Duration.ofMillis(200);

    private final String bootstrapServers;
    private final Topic<String, TimingEvent> topic;
    private final Duration stallTimeout;

    /**
     * @param stallTimeout how long a read may go without receiving anything before it fails (the
     *                     broker went away); a long read that makes progress is never cut short
     */
    public SessionEventsReader(String bootstrapServers, Topic<String, TimingEvent> topic, Duration stallTimeout) {
        this.bootstrapServers = Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        this.topic = Objects.requireNonNull(topic, "topic");
        this.stallTimeout = Objects.requireNonNull(stallTimeout, "stallTimeout");
    }

    /** The session's events. */
    public List<TimingEvent> read(String sessionId, Scope scope) {
        return read(sessionId, scope, null).events();
    }

    /**
     * The session's events, and whether another session (e.g. the target of a replay) has records
     * in the partitions read.
     */
    public Recording read(String sessionId, Scope scope, String otherSessionId) {
        Objects.requireNonNull(sessionId, "sessionId");
        Deserializer<TimingEvent> values = topic.valueSerde().deserializer();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config(), new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = partitions(consumer, sessionId, scope);
            List<TimingEvent> events = new ArrayList<>();
            long other = 0;
            if (partitions.isEmpty()) {
                return new Recording(events, other);
            }
            Map<TopicPartition, Long> end = new HashMap<>(consumer.endOffsets(partitions, stallTimeout));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long lastProgress = System.nanoTime();
            while (!end.isEmpty()) {
                var records = consumer.poll(POLL);
                if (!records.isEmpty()) {
                    lastProgress = System.nanoTime();
                }
                for (ConsumerRecord<String, byte[]> record : records) {
                    Long stop = end.get(new TopicPartition(record.topic(), record.partition()));
                    if (stop == null || record.offset() >= stop) {
                        continue;
                    }
                    if (sessionId.equals(record.key())) {
                        events.add(values.deserialize(record.topic(), record.headers(), record.value()));
                    } else if (otherSessionId != null && otherSessionId.equals(record.key())) {
                        other++;
                    }
                }
                end.entrySet().removeIf(e -> consumer.position(e.getKey(), stallTimeout) >= e.getValue());
                if (!end.isEmpty() && System.nanoTime() - lastProgress > stallTimeout.toNanos()) {
                    throw new TimeoutException("reading " + topic.name() + " stalled: nothing received for "
                            + stallTimeout.toSeconds() + " s with " + end.size() + " partition(s) still to read");
                }
            }
            return new Recording(events, other);
        }
    }

    private List<TopicPartition> partitions(KafkaConsumer<String, byte[]> consumer, String sessionId, Scope scope) {
        List<PartitionInfo> infos = consumer.partitionsFor(topic.name(), stallTimeout);
        if (infos == null || infos.isEmpty()) {
            return List.of();
        }
        if (scope == Scope.ALL_PARTITIONS) {
            return infos.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        }
        // What the producer did with the key: the default partitioner hashes the serialised key.
        int partition = BuiltInPartitioner.partitionForKey(sessionId.getBytes(StandardCharsets.UTF_8), infos.size());
        return List.of(new TopicPartition(topic.name(), partition));
    }

    private Properties config() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "timing-ingest-session-reader");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000);
        props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 8 * 1024 * 1024);
        return props;
    }
}
