package org.racetiming.topics;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.CreateTopicsResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.racetiming.event.TimingEvent;
import org.racetiming.output.CarGaps;
import org.racetiming.output.NotableEvent;
import org.racetiming.output.Standings;
import org.racetiming.output.TrackStatusState;
import org.racetiming.serde.AvroSerde;
import org.racetiming.serde.SchemaRegistryClient;

/**
 * The project's topics: names as constants, and descriptors (name + serdes) built for one registry
 * client. Build one {@code Topics} per application and share it; nothing here is static and mutable.
 */
public final class Topics {

    /** Key String sessionId, value TimingEvent. Kept forever: it is the record of the race. */
    public static final String TIMING_EVENTS = "timing-events";
    /**
     * Key String sessionId ("" if unknown), value String: the rejected input as text (the CSV line, the
     * JSON, or the event as JSON). Headers {@link #HEADER_REASON}, {@link #HEADER_SOURCE},
     * {@link #HEADER_REJECTED_BY}.
     */
    public static final String TIMING_EVENTS_REJECTED = "timing-events-rejected";
    /** Key String sessionId, value Standings (carClass null). Compacted. */
    public static final String OVERALL_STANDINGS = "overall-standings";
    /** Key String "sessionId/CLASS" ({@link #classKey}), value Standings. Compacted. */
    public static final String CLASS_STANDINGS = "class-standings";
    /** Key String "sessionId/car" ({@link #carKey}), value CarGaps. Compacted. */
    public static final String CAR_GAPS = "car-gaps";
    /** Key String sessionId, value TrackStatusState. Compacted. */
    public static final String TRACK_STATUS = "track-status";
    /** Key String sessionId, value Standings once the race is classified. Compacted. */
    public static final String FINAL_CLASSIFICATION = "final-classification";

    /**
     * Key String sessionId, value NotableEvent: what a commentator reads out, in the order it was found. Not
     * compacted: every event counts, not the latest per session.
     */
    public static final String NOTABLE_EVENTS = "notable-events";

    /** Header of a rejected record: why, in UTF-8 text. */
    public static final String HEADER_REASON = "reason";
    /** Header of a rejected record: where it came from ("file.csv:123", "http:&lt;request id&gt;"). */
    public static final String HEADER_SOURCE = "source";
    /** Header of a rejected record: which service refused it, {@link #REJECTED_BY_INGEST} or {@link #REJECTED_BY_STANDINGS}. */
    public static final String HEADER_REJECTED_BY = "rejected-by";
    public static final String REJECTED_BY_INGEST = "ingest";
    public static final String REJECTED_BY_STANDINGS = "standings";

    /** The headers of a record on {@link #TIMING_EVENTS_REJECTED}: why, from where, and who refused it. */
    public static RecordHeaders rejectionHeaders(String reason, String source, String rejectedBy) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(HEADER_REASON, reason.getBytes(StandardCharsets.UTF_8));
        headers.add(HEADER_SOURCE, source.getBytes(StandardCharsets.UTF_8));
        headers.add(HEADER_REJECTED_BY, rejectedBy.getBytes(StandardCharsets.UTF_8));
        return headers;
    }

    /** Output topics: the latest value per key is what matters, so they are compacted. */
    public static final Set<String> COMPACTED = Set.of(
            OVERALL_STANDINGS, CLASS_STANDINGS, CAR_GAPS, TRACK_STATUS, FINAL_CLASSIFICATION);
    /** Every topic {@link #ensureTopics} creates, inputs first. */
    public static final List<String> ALL = List.of(TIMING_EVENTS, TIMING_EVENTS_REJECTED,
            OVERALL_STANDINGS, CLASS_STANDINGS, CAR_GAPS, TRACK_STATUS, FINAL_CLASSIFICATION, NOTABLE_EVENTS);

    private static final char KEY_SEPARATOR = '/';
    private static final long CREATE_TIMEOUT_SECONDS = 30;

    private final Topic<String, TimingEvent> timingEvents;
    private final Topic<String, String> timingEventsRejected;
    private final Topic<String, Standings> overallStandings;
    private final Topic<String, Standings> classStandings;
    private final Topic<String, Standings> finalClassification;
    private final Topic<String, CarGaps> carGaps;
    private final Topic<String, TrackStatusState> trackStatus;
    private final Topic<String, NotableEvent> notableEvents;
    private final SchemaRegistryClient registry;

    public Topics(SchemaRegistryClient registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
        Serde<String> keys = Serdes.String();
        // One serde per value type: its caches (ids, readers) serve all topics of that type.
        AvroSerde<Standings> standings = AvroSerde.forValues(registry, Standings.class);
        timingEvents = new Topic<>(TIMING_EVENTS, keys, AvroSerde.forValues(registry, TimingEvent.class));
        timingEventsRejected = new Topic<>(TIMING_EVENTS_REJECTED, keys, Serdes.String());
        overallStandings = new Topic<>(OVERALL_STANDINGS, keys, standings);
        classStandings = new Topic<>(CLASS_STANDINGS, keys, standings);
        finalClassification = new Topic<>(FINAL_CLASSIFICATION, keys, standings);
        carGaps = new Topic<>(CAR_GAPS, keys, AvroSerde.forValues(registry, CarGaps.class));
        trackStatus = new Topic<>(TRACK_STATUS, keys, AvroSerde.forValues(registry, TrackStatusState.class));
        notableEvents = new Topic<>(NOTABLE_EVENTS, keys, AvroSerde.forValues(registry, NotableEvent.class));
    }

    /**
     * Registers the value schema of every Avro topic under its subject (the registry answers with the existing id
     * when it has it): what a service does at start, so that a schema id it meets later is one the registry knows.
     * Throws {@link org.racetiming.serde.SchemaRegistryException} with the registry's answer when it cannot.
     */
    public void registerSchemas() {
        for (Topic<String, ?> topic : List.of(timingEvents, overallStandings, classStandings, finalClassification,
                carGaps, trackStatus, notableEvents)) {
            if (topic.valueSerde() instanceof AvroSerde<?> avro) {
                registry.register(avro.subject(topic.name()), avro.schema());
            }
        }
    }

    public Topic<String, TimingEvent> timingEvents() {
        return timingEvents;
    }

    public Topic<String, String> timingEventsRejected() {
        return timingEventsRejected;
    }

    public Topic<String, Standings> overallStandings() {
        return overallStandings;
    }

    public Topic<String, Standings> classStandings() {
        return classStandings;
    }

    public Topic<String, Standings> finalClassification() {
        return finalClassification;
    }

    public Topic<String, CarGaps> carGaps() {
        return carGaps;
    }

    public Topic<String, TrackStatusState> trackStatus() {
        return trackStatus;
    }

    public Topic<String, NotableEvent> notableEvents() {
        return notableEvents;
    }

    /** The key of a class board on {@link #CLASS_STANDINGS}: "sessionId/CLASS". */
    public static String classKey(String sessionId, String carClass) {
        return sessionId + KEY_SEPARATOR + carClass;
    }

    /** The key of a car on {@link #CAR_GAPS}: "sessionId/car" (the race number as written, e.g. "007"). */
    public static String carKey(String sessionId, String car) {
        return sessionId + KEY_SEPARATOR + car;
    }

    /** The session id in a key of {@link #CLASS_STANDINGS} or {@link #CAR_GAPS} (session ids hold no '/'). */
    public static String sessionOfKey(String key) {
        int separator = key.indexOf(KEY_SEPARATOR);
        return separator < 0 ? key : key.substring(0, separator);
    }

    /** The topics to create, with their configs (min.insync.replicas 2 from replication 3 on). */
    public static List<NewTopic> newTopics(int partitions, short replication) {
        return newTopics(TopicLayout.of(partitions, replication));
    }

    /**
     * The topics to create; with the cluster's default replication, min.insync.replicas is the cluster's too
     * (its operator chose both).
     */
    public static List<NewTopic> newTopics(TopicLayout layout) {
        short replication = layout.replication().orElse((short) 1);
        List<NewTopic> topics = new ArrayList<>();
        for (String name : ALL) {
            Map<String, String> configs = new HashMap<>();
            if (COMPACTED.contains(name)) {
                configs.put(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
            } else if (name.equals(TIMING_EVENTS)) {
                configs.put(TopicConfig.RETENTION_MS_CONFIG, "-1");
            }
            if (replication >= 3) {
                // With acks=all, a write then survives the loss of a broker; the broker default (1) would not.
                configs.put(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, "2");
            }
            topics.add(new NewTopic(name, layout.partitions(), layout.replication()).configs(configs));
        }
        return List.copyOf(topics);
    }

    /** {@link #ensureTopics(Admin, int, short)} with 1 partition and replication 1, for a single broker. */
    public static void ensureTopics(Admin admin) {
        ensureTopics(admin, 1, (short) 1);
    }

    /**
     * Creates every missing topic: outputs compacted, timing-events kept forever. Topics that exist are
     * left as they are, so this is safe to call on every start and from several processes at once.
     */
    public static void ensureTopics(Admin admin, int partitions, short replication) {
        ensureTopics(admin, TopicLayout.of(partitions, replication));
    }

    /** Like {@link #ensureTopics(Admin, int, short)}, with partitions and replication given or the cluster's defaults. */
    public static void ensureTopics(Admin admin, TopicLayout layout) {
        Objects.requireNonNull(admin, "admin");
        List<NewTopic> wanted = newTopics(layout);
        try {
            Set<String> existing = admin.listTopics().names().get(CREATE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            List<NewTopic> missing = wanted.stream().filter(t -> !existing.contains(t.name())).toList();
            if (missing.isEmpty()) {
                return;
            }
            CreateTopicsResult result = admin.createTopics(missing);
            for (var entry : result.values().entrySet()) {
                try {
                    entry.getValue().get(CREATE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new KafkaException("Cannot create topic " + entry.getKey() + ": " + e.getCause(), e.getCause());
                    }
                }
            }
        } catch (ExecutionException e) {
            throw new KafkaException("Cannot list topics: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new KafkaException("Kafka did not list or create topics within " + CREATE_TIMEOUT_SECONDS
                    + " s: is the broker reachable?", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("Interrupted while creating topics", e);
        }
    }
}
