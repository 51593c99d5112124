package org.racetiming.standings.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.nio.file.Path;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.racetiming.event.TimingEvent;
import org.racetiming.output.Standings;
import org.racetiming.topics.Topics;

/** Output records say when the oldest event they reflect came in, so that readers can measure the latency. */
class EventInHeaderTest {

    @TempDir
    Path stateDir;

    private static final StandingsTopics TOPICS = RegistryFreeTopics.TOPICS;

    private TopologyTestDriver driver;

    @AfterEach
    void close() {
        driver.close();
    }

    @Test
    void shouldStampEveryBoardWithTheTimestampOfTheOldestEventItIsFirstToReflect() {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "event-in-header-test");
        // Its own state directory, removed by JUnit: the default /tmp/kafka-streams stayed behind.
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        driver = new TopologyTestDriver(StandingsTopology.build(TOPICS, Duration.ofMillis(100)), props, Instant.ofEpochMilli(0));
        TestInputTopic<String, TimingEvent> events = driver.createInputTopic(Topics.TIMING_EVENTS,
                Serdes.String().serializer(), TOPICS.timingEvents().valueSerde().serializer());
        TestOutputTopic<String, Standings> overall = driver.createOutputTopic(Topics.OVERALL_STANDINGS,
                Serdes.String().deserializer(), TOPICS.overallStandings().valueSerde().deserializer());

        events.pipeInput(TestEvents.SESSION, TestEvents.start("51:HYPERCAR", "8:HYPERCAR"), 1_000L);
        // Held back by the emit interval, then sent together by the punctuation: stamped with the older one.
        events.pipeInput(TestEvents.SESSION, TestEvents.lap("51", 1, 210_000, 210_000), 1_010L);
        events.pipeInput(TestEvents.SESSION, TestEvents.lap("8", 1, 222_600, 222_600), 1_020L);
        driver.advanceWallClockTime(Duration.ofMillis(150));

        assertThat(eventIn(overall.readRecord())).isEqualTo(1_000L);
        assertThat(eventIn(overall.readRecord())).isEqualTo(1_010L);
        assertThat(overall.isEmpty()).isTrue();
    }

    private static long eventIn(TestRecord<String, Standings> record) {
        return Long.parseLong(new String(record.headers().lastHeader(StandingsTopology.EVENT_IN_HEADER).value(),
                StandardCharsets.UTF_8));
    }
}
