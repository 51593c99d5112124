package org.racetiming.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.racetiming.embedded.StackEndpoints;
import org.racetiming.embedded.junit.WithKafkaStack;
import org.racetiming.event.TimingEvent;
import org.racetiming.ingest.publish.FeedSummary;
import org.racetiming.ingest.publish.Pacer;
import org.racetiming.ingest.publish.RejectedRecords;
import org.racetiming.ingest.replay.SessionEventsReader;
import org.racetiming.topics.Topics;

/** `timing ingest FEED.jsonl` on the real broker: file order kept, repeats counted, each bad line rejected with its number. */
@WithKafkaStack
class IngestRecordedFeedIT {

    @Test
    void shouldPublishTheFeedInFileOrderAndRejectEachBadLineWithItsNumber(StackEndpoints stack, @TempDir Path temp) throws IOException {
        Path feed = Files.write(temp.resolve("feed.jsonl"), List.of(
                "{\"type\":\"SESSION_STARTED\",\"intermediatePoints\":[\"S1\",\"S2\"],\"entries\":[{\"car\":\"51\",\"class\":\"HYPERCAR\"},"
                        + "{\"car\":\"8\",\"class\":\"HYPERCAR\"}]}",
                "{\"type\":\"LAP_COMPLETED\",\"at\":\"0:03:59.912\",\"car\":\"51\",\"lap\":1,\"lapTime\":\"3:59.912\"}",
                "{\"type\":\"TIMING_POINT\",\"at\":\"0:00:41.154\",\"car\":\"8\",\"lap\":1,\"point\":1,\"sectorTime\":\"41.154\"}",
                "{\"type\":\"PIT_IN\", \"car\":\"51\" \"lap\":2}",
                "",
                "{\"type\":\"LAP_COMPLETED\",\"at\":\"0:03:59.912\",\"car\":\"51\",\"lap\":1,\"lapTime\":\"3:59.912\"}",
                "{\"type\":\"PENALTY\",\"at\":\"1:00:00.000\",\"car\":\"51\"}",
                "{\"type\":\"SESSION_END\",\"at\":\"0:10:00.000\"}"), StandardCharsets.UTF_8);
        String session = "jsonl-" + Long.toString(System.currentTimeMillis(), 36);
        IngestCommand command = new IngestCommand();
        command.analysis = feed;
        command.session = session;
        command.speed = Pacer.AS_FAST_AS_POSSIBLE;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        FeedSummary summary;
        try (Pipeline pipeline = Pipeline.connect(stack)) {
            summary = command.publish(pipeline, session, command.read(session), new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8));
            List<TimingEvent> published = new SessionEventsReader(stack.bootstrapServers(), pipeline.topics().timingEvents(),
                    Duration.ofSeconds(30)).read(session, SessionEventsReader.Scope.KEY_PARTITION);
            assertThat(published).extracting(TimingEvent::getEventId).containsExactly("start", "lap/51/1", "tp/8/1/1", "end");
            assertThat(published).extracting(TimingEvent::getSource)
                    .containsExactly("feed.jsonl:1", "feed.jsonl:2", "feed.jsonl:3", "feed.jsonl:8");
        }

        assertThat(summary.published()).isEqualTo(4);
        assertThat(summary.duplicates()).as("line 6 repeats line 2").isEqualTo(1);
        assertThat(summary.rejected()).isEqualTo(2);
        List<RejectedRecords.Rejected> rejected = RejectedRecords.rejected(stack.bootstrapServers(), session);
        assertThat(rejected).extracting(r -> r.headers().get(Topics.HEADER_SOURCE)).containsExactly("feed.jsonl:4", "feed.jsonl:7");
        assertThat(rejected.get(0).headers().get(Topics.HEADER_REASON)).startsWith("not JSON: Unexpected character");
        assertThat(rejected.get(1).headers().get(Topics.HEADER_REASON)).isEqualTo("seconds: PENALTY needs laps or seconds");
        String stderr = err.toString(StandardCharsets.UTF_8);
        assertThat(stderr).contains("feed.jsonl:4 \u2014 not JSON").contains("feed.jsonl:7 \u2014 seconds: PENALTY needs laps or seconds");
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("4 published, 2 rejected, 1 duplicates not sent again");
    }
}
