package org.racetiming.ingest.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.racetiming.embedded.StackEndpoints;
import org.racetiming.embedded.junit.WithKafkaStack;
import org.racetiming.event.TimingEvent;
import org.racetiming.ingest.TestEvents;
import org.racetiming.ingest.publish.EventPublisher;
import org.racetiming.ingest.publish.FeedPublisher;
import org.racetiming.ingest.publish.FeedSummary;
import org.racetiming.ingest.publish.Pacer;
import org.racetiming.ingest.publish.Progress;
import org.racetiming.serde.SchemaRegistryClient;
import org.racetiming.topics.Topics;

/** Replay from the real topic into a new session id. */
@WithKafkaStack
class SessionReplayIT {

    private static String bootstrap;
    private static SchemaRegistryClient registry;
    private static Topics topics;
    private static EventPublisher publisher;
    private static SessionEventsReader reader;

    @BeforeAll
    static void connect(StackEndpoints stack) {
        bootstrap = stack.bootstrapServers();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            Topics.ensureTopics(admin);
        }
        registry = new SchemaRegistryClient(stack.schemaRegistryUrl());
        topics = new Topics(registry);
        publisher = new EventPublisher(bootstrap, topics);
        reader = new SessionEventsReader(bootstrap, topics.timingEvents(), Duration.ofSeconds(30));
    }

    @AfterAll
    static void close() {
        publisher.close();
        registry.close();
    }

    /** Start, then car 51 laps at 1 h, 2 h and 2 h + 1 s. */
    private static String recordSession(String name) {
        String session = name + "-" + System.nanoTime();
        List<TimingEvent> events = List.of(TestEvents.start(session, "51"), TestEvents.lap(session, "51", 1, 3_600_000, 3_600_000),
                TestEvents.lap(session, "51", 2, 7_200_000, 3_600_000), TestEvents.lap(session, "51", 3, 7_201_000, 1_000));
        FeedSummary summary = new FeedPublisher(publisher, new Pacer(Pacer.AS_FAST_AS_POSSIBLE)).publish(session, events, List.of(), Progress.NONE);
        assertThat(summary.published()).isEqualTo(4);
        return session;
    }

    private static SessionReplay replay() {
        return new SessionReplay(bootstrap, topics.timingEvents(), publisher);
    }

    @Test
    void shouldRepublishEverEventUnderTheNewIdWithItsIdTimeAndPayloadAndNewWallClocks() {
        String from = recordSession("replay-from");
        String to = from + "-again";
        Instant before = Instant.now();

        SessionReplay.Result result = replay().run(new SessionReplay.Options(from, to, Pacer.AS_FAST_AS_POSSIBLE, 0), (n, last) -> Progress.NONE);

        assertThat(result.eventsRead()).isEqualTo(4);
        assertThat(result.summary().published()).isEqualTo(4);
        List<TimingEvent> original = reader.read(from, SessionEventsReader.Scope.ALL_PARTITIONS);
        List<TimingEvent> replayed = reader.read(to, SessionEventsReader.Scope.ALL_PARTITIONS);
        assertThat(replayed).extracting(TimingEvent::getEventId).containsExactlyElementsOf(original.stream().map(TimingEvent::getEventId).toList());
        assertThat(replayed).extracting(TimingEvent::getSessionTimeMs).containsExactly(0L, 3_600_000L, 7_200_000L, 7_201_000L);
        assertThat(replayed).extracting(TimingEvent::getPayload).containsExactlyElementsOf(original.stream().map(TimingEvent::getPayload).toList());
        assertThat(replayed).allSatisfy(e -> {
            assertThat(e.getSessionId()).isEqualTo(to);
            assertThat(e.getWallClock()).isBetween(before.plusMillis(e.getSessionTimeMs()), Instant.now().plusMillis(e.getSessionTimeMs()));
        });
    }

    @Test
    void shouldSendTheEventsBeforeTheStartTimeAtOnceAndPaceTheRest() {
        String from = recordSession("replay-at");
        long started = System.nanoTime();

        SessionReplay.Result result = replay().run(new SessionReplay.Options(from, from + "-at-2h", 1, 7_200_000), (n, last) -> Progress.NONE);

        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertThat(result.summary().published()).isEqualTo(4);
        // Two hours before 2:00:00 go at once; the last lap is one session second after it, at 1x.
        assertThat(took).isBetween(Duration.ofMillis(950), Duration.ofSeconds(15));
        assertThat(result.summary().took()).isGreaterThanOrEqualTo(Duration.ofMillis(950));
    }

    @Test
    void shouldRefuseToReplayIntoASessionThatAlreadyHasEvents() {
        String from = recordSession("replay-busy-a");
        String taken = recordSession("replay-busy-b");

        assertThatThrownBy(() -> replay().run(new SessionReplay.Options(from, taken, Pacer.AS_FAST_AS_POSSIBLE, 0), (n, last) -> Progress.NONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("session " + taken + " already has 4 events on timing-events: replay into a new session id");
    }

    @Test
    void shouldSayWhenTheRecordedSessionHasNoEvents() {
        assertThatThrownBy(() -> replay().run(new SessionReplay.Options("never-recorded", "anything-new", 1, 0), (n, last) -> Progress.NONE))
                .hasMessage("no events of session never-recorded on timing-events");
        assertThatThrownBy(() -> new SessionReplay.Options("a", "a", 1, 0)).hasMessageContaining("into itself");
    }
}
