package org.racetiming.standings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.racetiming.embedded.StackEndpoints;
import org.racetiming.embedded.junit.WithKafkaStack;
import org.racetiming.event.Driver;
import org.racetiming.event.Entry;
import org.racetiming.event.LapCompleted;
import org.racetiming.event.SessionStarted;
import org.racetiming.event.SessionType;
import org.racetiming.event.TimingEvent;
import org.racetiming.ingest.publish.RejectedRecords;
import org.racetiming.output.CarStanding;
import org.racetiming.output.Standings;
import org.racetiming.serde.SchemaRegistryClient;
import org.racetiming.topics.Topic;
import org.racetiming.topics.Topics;

/** The topology on a real broker and registry: restart from the changelog, re-delivery, rejected records. */
@WithKafkaStack
class StandingsServiceIT {

    private static StackEndpoints stack;
    private static Topics topics;

    @BeforeAll
    static void topics(StackEndpoints endpoints) {
        stack = endpoints;
        topics = new Topics(new SchemaRegistryClient(endpoints.schemaRegistryUrl()));
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, endpoints.bootstrapServers()))) {
            Topics.ensureTopics(admin, 1, (short) 1);
        }
    }

    @Test
    void shouldRebuildFromTheChangelogAfterLosingItsStateAndCountARedeliveredLapOnce() throws Exception {
        String session = "it-restart-" + System.nanoTime();
        String appId = "standings-it-" + System.nanoTime();
        send(start(session), lap(session, "1", 1, 100_000), lap(session, "2", 1, 101_000), lap(session, "1", 2, 200_000));

        try (StandingsService service = StandingsService.start(stack.bootstrapServers(), stack.schemaRegistryUrl(), options(appId))) {
            await().atMost(Duration.ofSeconds(30)).until(() -> latest(session).map(s -> s.getEventsSeen() >= 4).orElse(false));
        }

        // The state directory is new: the session's events come back from the changelog. Then a
        // lap already applied arrives again (a producer retry, a replayed file) with a new one.
        send(lap(session, "1", 2, 200_000), lap(session, "2", 2, 203_000));
        try (StandingsService service = StandingsService.start(stack.bootstrapServers(), stack.schemaRegistryUrl(), options(appId))) {
            await().atMost(Duration.ofSeconds(30)).until(() -> latest(session)
                    .map(s -> laps(s, "2") == 2).orElse(false));
            Standings now = latest(session).orElseThrow();
            assertThat(laps(now, "1")).isEqualTo(2);
            assertThat(now.getCars().get(1).getGapFirst().getTimeMs()).isEqualTo(3_000);
            assertThat(service.queries().withSession(session, r -> r.overall().getCars().size())).contains(2);
        }
        assertThat(rejectedReasons(session)).as("a repeat changes nothing and is not an error").isEmpty();
    }

    private static final List<Path> STATE_DIRS = new ArrayList<>();

    private static StandingsService.Options options(String appId) throws Exception {
        Path stateDir = Files.createTempDirectory("standings-it");
        STATE_DIRS.add(stateDir);
        return new StandingsService.Options(appId, stateDir, Duration.ZERO, null);
    }

    @org.junit.jupiter.api.AfterAll
    static void deleteStateDirs() throws Exception {
        for (Path dir : STATE_DIRS) {
            try (var paths = Files.walk(dir)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void send(TimingEvent... events) {
        Topic<String, TimingEvent> topic = topics.timingEvents();
        Properties props = new Properties();
        props.put("bootstrap.servers", stack.bootstrapServers());
        try (KafkaProducer<String, TimingEvent> producer = new KafkaProducer<>(props, topic.keySerde().serializer(), topic.valueSerde().serializer())) {
            for (TimingEvent e : events) {
                producer.send(new ProducerRecord<>(topic.name(), e.getSessionId(), e));
            }
        }
    }

    private static java.util.Optional<Standings> latest(String session) {
        Standings last = null;
        for (ConsumerRecord<String, Standings> r : readAll(topics.overallStandings())) {
            if (session.equals(r.key())) {
                last = r.value();
            }
        }
        return java.util.Optional.ofNullable(last);
    }

    private static List<String> rejectedReasons(String session) {
        return RejectedRecords.rejected(stack.bootstrapServers(), session).stream().map(RejectedRecords.Rejected::reason).toList();
    }

    private static <V> List<ConsumerRecord<String, V>> readAll(Topic<String, V> topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
        Deserializer<V> values = topic.valueSerde().deserializer();
        try (KafkaConsumer<String, V> consumer = new KafkaConsumer<>(props, topic.keySerde().deserializer(), values)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic.name()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, V>> records = new ArrayList<>();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                consumer.poll(Duration.ofMillis(100)).forEach(records::add);
            }
            return records;
        }
    }

    private static int laps(Standings standings, String car) {
        return standings.getCars().stream().filter(c -> c.getCar().equals(car)).mapToInt(CarStanding::getLaps).findFirst().orElse(-1);
    }

    private static TimingEvent start(String session) {
        List<Entry> entries = List.of("1", "2").stream().map(car -> Entry.newBuilder().setCar(car).setCarClass("HYPERCAR")
                .setDrivers(List.of(Driver.newBuilder().setSeat(1).setName("Driver " + car).build())).build()).toList();
        return envelope(session, "start", 0, SessionStarted.newBuilder().setName("IT race").setSessionType(SessionType.RACE)
                .setIntermediatePoints(List.of()).setEntries(entries).build());
    }

    private static TimingEvent lap(String session, String car, int lap, long atMs) {
        return envelope(session, "lap/" + car + "/" + lap, atMs, LapCompleted.newBuilder().setCar(car).setLap(lap)
                .setLapTimeMs(100_000L).setSectorTimesMs(List.of()).build());
    }

    private static TimingEvent envelope(String session, String id, long atMs, Object payload) {
        return TimingEvent.newBuilder().setEventId(id).setSessionId(session).setSessionTimeMs(atMs)
                .setWallClock(Instant.ofEpochMilli(1_700_000_000_000L + atMs)).setSource("it").setPayload(payload).build();
    }
}
