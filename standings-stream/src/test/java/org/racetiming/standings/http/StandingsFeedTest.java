package org.racetiming.standings.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.internals.AutoOffsetResetStrategy;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import com.fasterxml.jackson.databind.JsonNode;
import org.racetiming.output.NotableEvent;
import org.racetiming.output.Standings;
import org.racetiming.standings.topology.RegistryFreeTopics;
import org.racetiming.topics.Topics;

/** The live feed under supervision: a consumer that fails is replaced, and the state says so meanwhile. */
class StandingsFeedTest {

    private final StandingsMetrics metrics = new StandingsMetrics();
    private final LiveUpdates updates = new LiveUpdates(Duration.ofHours(1), new StandingsJson());
    private final Deque<Consumer<byte[], byte[]>> consumers = new ArrayDeque<>();
    private StandingsFeed feed;

    @AfterEach
    void close() {
        if (feed != null) {
            feed.close();
        }
        updates.close();
        metrics.close();
    }

    private static MockConsumer<byte[], byte[]> consumerWithTopics() {
        MockConsumer<byte[], byte[]> consumer = new MockConsumer<>(AutoOffsetResetStrategy.LATEST.name());
        for (String topic : List.of(Topics.OVERALL_STANDINGS, Topics.TRACK_STATUS, Topics.NOTABLE_EVENTS)) {
            consumer.updatePartitions(topic, List.of(new PartitionInfo(topic, 0, Node.noNode(), null, null)));
            consumer.updateEndOffsets(Map.of(new TopicPartition(topic, 0), 0L));
        }
        return consumer;
    }

    private void startFeed() {
        feed = new StandingsFeed(consumers::poll,
                RegistryFreeTopics.TOPICS.overallStandings().valueSerde().deserializer(),
                RegistryFreeTopics.TOPICS.trackStatus().valueSerde().deserializer(),
                RegistryFreeTopics.TOPICS.notableEvents().valueSerde().deserializer(),
                updates, new StandingsJson(), metrics, new StandingsFeed.Backoff(Duration.ofMillis(10), Duration.ofMillis(50)));
        feed.start();
    }

    @Test
    void shouldReplaceAFailedConsumerAndKeepFeedingScreens() {
        MockConsumer<byte[], byte[]> failing = consumerWithTopics();
        failing.setPollException(new KafkaException("broker gone"));
        MockConsumer<byte[], byte[]> healthy = consumerWithTopics();
        consumers.add(failing);
        consumers.add(healthy);
        List<LiveFrame> frames = new CopyOnWriteArrayList<>();
        updates.subscribe("race-1", frames::add);

        startFeed();

        await().atMost(Duration.ofSeconds(10)).until(() -> feed.status().restarts() == 1 && feed.ready());
        assertThat(feed.status().lastError()).contains("broker gone");
        assertThat(metrics.scrape()).contains("standings_live_feed_restarts_total 1.0")
                .contains("standings_live_feed_running 1.0");

        Standings board = Standings.newBuilder().setSessionId("race-1").setSessionTimeMs(1000).setCars(List.of()).build();
        healthy.schedulePollTask(() -> healthy.addRecord(new ConsumerRecord<>(Topics.OVERALL_STANDINGS, 0, 0,
                "race-1".getBytes(StandardCharsets.UTF_8),
                RegistryFreeTopics.TOPICS.overallStandings().valueSerde().serializer().serialize(Topics.OVERALL_STANDINGS, board))));

        await().atMost(Duration.ofSeconds(10)).until(() -> !frames.isEmpty());
        assertThat(frames.get(0).event()).isEqualTo(LiveFrame.SNAPSHOT);
    }

    @Test
    void shouldSayItIsRestartingWhileNoConsumerWorks() {
        for (int i = 0; i < 1000; i++) {
            MockConsumer<byte[], byte[]> failing = consumerWithTopics();
            failing.setPollException(new KafkaException("broker gone"));
            consumers.add(failing);
        }

        startFeed();

        await().atMost(Duration.ofSeconds(10)).until(() -> feed.status().restarts() >= 2);
        assertThat(feed.status().state()).isIn(StandingsFeed.State.RESTARTING, StandingsFeed.State.RUNNING);
        assertThat(updates.feedStatus()).isNotNull();
        feed.close();
        assertThat(feed.status().state()).isEqualTo(StandingsFeed.State.STOPPED);
    }

    @Test
    void shouldSendANotableEventFromItsTopicToTheSessionsScreensOnly() {
        MockConsumer<byte[], byte[]> consumer = consumerWithTopics();
        consumers.add(consumer);
        List<LiveFrame> watching = new CopyOnWriteArrayList<>();
        List<LiveFrame> other = new CopyOnWriteArrayList<>();
        updates.subscribe("race-1", watching::add);
        updates.subscribe("race-2", other::add);
        startFeed();
        await().atMost(Duration.ofSeconds(10)).until(feed::ready);

        NotableEvent notable = NotableEvent.newBuilder().setSessionId("race-1").setId("3723000/PIT_STOP/8/42")
                .setAtMs(3_723_000).setKind("PIT_STOP").setCar("8").setCarClass("HYPERCAR")
                .setText("#8 (Toyota) pit stop: 1:05.2 in the pit lane").build();
        consumer.schedulePollTask(() -> consumer.addRecord(new ConsumerRecord<>(Topics.NOTABLE_EVENTS, 0, 0,
                "race-1".getBytes(StandardCharsets.UTF_8),
                RegistryFreeTopics.TOPICS.notableEvents().valueSerde().serializer().serialize(Topics.NOTABLE_EVENTS, notable))));

        await().atMost(Duration.ofSeconds(10)).until(() -> !watching.isEmpty());
        assertThat(watching).extracting(LiveFrame::event).containsExactly(LiveFrame.NOTABLE);
        JsonNode body = new StandingsJson().read(watching.get(0).data());
        assertThat(body.path("id").asText()).as("the record's own id, what a withdrawal names").isEqualTo("3723000/PIT_STOP/8/42");
        assertThat(body.path("at").asText()).isEqualTo("1:02:03.000");
        assertThat(body.path("kind").asText()).isEqualTo("PIT_STOP");
        assertThat(body.path("car").asText()).isEqualTo("8");
        assertThat(body.path("text").asText()).isEqualTo("#8 (Toyota) pit stop: 1:05.2 in the pit lane");
        assertThat(body.has("withdrawn")).as("only a withdrawal says so").isFalse();
        assertThat(other).as("another session's screens").isEmpty();
    }
}
