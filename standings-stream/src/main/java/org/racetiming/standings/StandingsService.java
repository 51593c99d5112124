package org.racetiming.standings;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.clients.consumer.ConsumerConfig;
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

    /**
     * How the service runs; {@link #defaults} suits one machine.
     *
     * @param standbyReplicas warm copies of each task's state on other instances (Kafka Streams'
     *     {@code num.standby.replicas}), so that a survivor takes over a failed instance's sessions without
     *     restoring them from the changelog; harmless where there is one instance
     */
    public record Options(String applicationId, Path stateDir, Duration emitInterval, String applicationServer,
                          int standbyReplicas) {
        public Options(String applicationId, Path stateDir, Duration emitInterval, String applicationServer) {
            this(applicationId, stateDir, emitInterval, applicationServer, 0);
        }

        /** A lone instance with the deployed application id: for tests; commands use their own id. */
        public static Options defaults(Path stateDir) {
            return defaults("standings-stream", stateDir);
        }

        public static Options defaults(String applicationId, Path stateDir) {
            return new Options(applicationId, stateDir, Duration.ofMillis(50), null, 0);
        }
    }

    /**
     * The group's failure detection: a member that stops heart-beating (killed, frozen) loses its tasks after
     * this long. 6 s is the brokers' default minimum; with standby replicas the takeover then takes a second or
     * two more, within the 10 s a screen may wait. (The 45 s default left a killed instance's sessions
     * unanswered for 46-51 s.) A member that closes leaves at once and is not waited for.
     */
    static final Duration SESSION_TIMEOUT = Duration.ofSeconds(6);
    static final Duration HEARTBEAT_INTERVAL = Duration.ofMillis(1500);
    private static final Set<KafkaStreams.State> DEAD = EnumSet.of(
            KafkaStreams.State.PENDING_ERROR, KafkaStreams.State.ERROR,
            KafkaStreams.State.PENDING_SHUTDOWN, KafkaStreams.State.NOT_RUNNING);

    private final KafkaStreams streams;
    private final StandingsQueries queries;
    private final SchemaRegistryClient registry;
    private final CountDownLatch settled = new CountDownLatch(1);
    private volatile boolean runningOnce;
    private final SessionTimelines sessions;

    private StandingsService(KafkaStreams streams, SchemaRegistryClient registry, SessionTimelines sessions) {
        this.streams = streams;
        this.sessions = sessions;
        this.registry = registry;
        this.queries = StandingsQueries.of(streams, sessions);
    }

    /** Starts the topology and waits until it is running (or fails with the reason); without a time limit. */
    public static StandingsService start(String bootstrapServers, String schemaRegistryUrl, Options options) {
        return start(bootstrapServers, schemaRegistryUrl, options, SessionRetention.DEFAULT);
    }

    /** As {@link #start(String, String, Options)}, keeping sessions in memory and the log as {@code retention} says. */
    public static StandingsService start(String bootstrapServers, String schemaRegistryUrl, Options options,
                                         SessionRetention retention) {
        StandingsService service = launch(bootstrapServers, schemaRegistryUrl, options, retention);
        try {
            service.awaitRunning();
            return service;
        } catch (RuntimeException e) {
            service.close();
            throw e;
        }
    }

    /**
     * Starts the topology and returns at once: it may take long to restore its state, during which
     * {@link #ready()} is false (an HTTP server answers 503 meanwhile instead of refusing connections).
     */
    public static StandingsService launch(String bootstrapServers, String schemaRegistryUrl, Options options) {
        return launch(bootstrapServers, schemaRegistryUrl, options, SessionRetention.DEFAULT);
    }

    /** As {@link #launch(String, String, Options)}, keeping sessions in memory and the log as {@code retention} says. */
    public static StandingsService launch(String bootstrapServers, String schemaRegistryUrl, Options options,
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
        props.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, options.standbyReplicas());
        props.put(StreamsConfig.mainConsumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), (int) SESSION_TIMEOUT.toMillis());
        props.put(StreamsConfig.mainConsumerPrefix(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG), (int) HEARTBEAT_INTERVAL.toMillis());
        if (options.applicationServer() != null) {
            props.put(StreamsConfig.APPLICATION_SERVER_CONFIG, options.applicationServer());
        }
        SessionTimelines sessions = new SessionTimelines();
        KafkaStreams streams = new KafkaStreams(
                StandingsTopology.build(StandingsTopics.from(topics), options.emitInterval(), sessions, retention), props);
        StandingsService service = new StandingsService(streams, registry, sessions);
        long started = System.nanoTime();
        streams.setStateListener((now, before) -> {
            if (now == KafkaStreams.State.RUNNING && !service.runningOnce) {
                service.runningOnce = true;
                LOG.info("standings topology running after {} ms", (System.nanoTime() - started) / 1_000_000);
            }
            if (now == KafkaStreams.State.RUNNING || DEAD.contains(now)) {
                service.settled.countDown();
            }
        });
        streams.start();
        return service;
    }

    /**
     * Waits until the topology runs, however long restoring its state takes (no fixed limit: an instance with a
     * season of sessions must not be killed for restoring them); fails if it dies instead.
     */
    public void awaitRunning() {
        try {
            settled.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the standings topology", e);
        }
        if (streams.state() != KafkaStreams.State.RUNNING) {
            throw new IllegalStateException("standings topology did not reach RUNNING (state " + streams.state() + ")");
        }
    }

    /**
     * Ready for queries: the topology has restored its state and run, and has not failed since. A later rebalance
     * does not make it unready: its stores stay readable, and a store that moves answers 503 on its own.
     */
    public boolean ready() {
        return runningOnce && alive();
    }

    /** Alive: starting, running or rebalancing; false once the topology has failed or stops. */
    public boolean alive() {
        return !DEAD.contains(streams.state());
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
        // A Ctrl-C may have interrupted the caller: closing must still wait for the stream threads.
        boolean interrupted = Thread.interrupted();
        long closing = System.nanoTime();
        try {
            streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                    .withTimeout(Duration.ofSeconds(10)));
            registry.close();
            LOG.info("standings topology stopped in {} ms", (System.nanoTime() - closing) / 1_000_000);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
