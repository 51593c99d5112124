package org.racetiming.standings;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.racetiming.standings.topology.UndecodableEventHandler;
import org.racetiming.serde.SchemaRegistryClient;
import org.racetiming.standings.query.StandingsQueries;
import org.racetiming.standings.topology.SessionRetention;
import org.racetiming.standings.topology.SessionTimelines;
import org.racetiming.standings.topology.StandingsTopics;
import org.racetiming.standings.topology.StandingsTopology;
import org.racetiming.topics.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Wires the standings topology to a Kafka cluster and a registry, and runs it. */
public final class StandingsService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StandingsService.class);

    /** How the service runs; {@link #defaults} suits one machine. */
    public record Options(String applicationId, Path stateDir, Duration emitInterval, String applicationServer) {
        public static Options defaults(Path stateDir) {
            return new Options("standings-stream", stateDir, Duration.ofMillis(50), null);
        }
    }

    private final KafkaStreams streams;
    private final StandingsQueries queries;
    private final SchemaRegistryClient registry;
    private final SessionTimelines sessions;

    private StandingsService(KafkaStreams streams, SchemaRegistryClient registry, SessionTimelines sessions) {
        this.streams = streams;
        this.sessions = sessions;
        this.registry = registry;
        this.queries = StandingsQueries.of(streams, sessions);
    }

    /** Starts the topology and waits until it is running (or fails with the reason). */
    public static StandingsService start(String bootstrapServers, String schemaRegistryUrl, Options options) {
        return start(bootstrapServers, schemaRegistryUrl, options, SessionRetention.DEFAULT);
    }

    /** As {@link #start(String, String, Options)}, keeping sessions in memory and the log as {@code retention} says. */
    public static StandingsService start(String bootstrapServers, String schemaRegistryUrl, Options options,
                                         SessionRetention retention) {
        SchemaRegistryClient registry = new SchemaRegistryClient(schemaRegistryUrl);
        Topics topics = new Topics(registry);
        // Every schema the topology reads or writes is in the registry before the first record: an id the
        // registry does not know later means the registry lost its data, and the topology stops on it.
        topics.registerSchemas();
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, options.applicationId());
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(StreamsConfig.STATE_DIR_CONFIG, options.stateDir().toString());
        // Records are sent as they are produced; a short commit interval only bounds re-processing
        // after a crash, which the rules make harmless (re-delivered events are duplicates).
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 200);
        props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0);
        props.put(StreamsConfig.producerPrefix("linger.ms"), 5);
        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, UndecodableEventHandler.class);
        if (options.applicationServer() != null) {
            props.put(StreamsConfig.APPLICATION_SERVER_CONFIG, options.applicationServer());
        }
        SessionTimelines sessions = new SessionTimelines();
        KafkaStreams streams = new KafkaStreams(
                StandingsTopology.build(StandingsTopics.from(topics), options.emitInterval(), sessions, retention), props);
        CountDownLatch running = new CountDownLatch(1);
        streams.setStateListener((now, before) -> {
            if (now == KafkaStreams.State.RUNNING || now == KafkaStreams.State.ERROR
                    || now == KafkaStreams.State.NOT_RUNNING) {
                running.countDown();
            }
        });
        long started = System.nanoTime();
        streams.start();
        try {
            if (!running.await(60, TimeUnit.SECONDS) || streams.state() != KafkaStreams.State.RUNNING) {
                streams.close(Duration.ofSeconds(5));
                throw new IllegalStateException("standings topology did not reach RUNNING (state " + streams.state() + ")");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            streams.close(Duration.ofSeconds(5));
            throw new IllegalStateException("interrupted while starting the standings topology", e);
        }
        LOG.info("standings topology running after {} ms", (System.nanoTime() - started) / 1_000_000);
        return new StandingsService(streams, registry, sessions);
    }

    /** Sessions the stream tasks of this instance hold in memory now. */
    public int sessionsInMemory() {
        return sessions.size();
    }

    public StandingsQueries queries() {
        return queries;
    }

    public KafkaStreams streams() {
        return streams;
    }

    /**
     * Stops the topology and leaves the consumer group, so that a restarted or another instance
     * takes over the partitions at once instead of after the session timeout.
     */
    @Override
    public void close() {
        streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                .withTimeout(Duration.ofSeconds(10)));
        registry.close();
    }
}
