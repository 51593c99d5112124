package org.racetiming.ingest.feed.recorded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.racetiming.event.PitIn;
import org.racetiming.event.SessionEnded;
import org.racetiming.event.TimingEvent;
import org.racetiming.ingest.feed.FeedOptions;
import org.racetiming.ingest.feed.FeedResult;
import org.racetiming.ingest.feed.RejectedRecord;

class RecordedFeedReaderTest {

    private static final Instant START = Instant.parse("2023-06-10T14:00:00Z");
    private static final FeedOptions OPTIONS = FeedOptions.race("lm23").withSessionStart(START);
    private static final String START_LINE = "{\"type\":\"SESSION_STARTED\",\"scheduledDuration\":\"6:00:00\",\"intermediatePoints\":[\"S1\",\"S2\"],"
            + "\"entries\":[{\"car\":\"51\",\"class\":\"HYPERCAR\"},{\"car\":\"8\",\"class\":\"HYPERCAR\"}]}";

    private static FeedResult read(String... lines) {
        return RecordedFeedReader.read(new StringReader(String.join("\n", lines) + "\n"), "feed.jsonl", OPTIONS);
    }

    private static List<String> ids(FeedResult result) {
        return result.events().stream().map(TimingEvent::getEventId).toList();
    }

    @Test
    void shouldKeepTheOrderOfTheFileAsAFeedIsReplayedAsItArrived() {
        FeedResult result = read(
                START_LINE,
                "{\"type\":\"LAP_COMPLETED\",\"at\":\"0:04:00.100\",\"car\":\"8\",\"lap\":1,\"lapTime\":\"4:00.100\"}",
                "{\"type\":\"PIT_IN\",\"at\":\"0:03:59.912\",\"car\":\"51\",\"lap\":1}",
                "",
                "{\"type\":\"SESSION_END\",\"at\":\"6:12:00.000\"}",
                "{\"type\":\"LAP_COMPLETED\",\"at\":\"0:03:59.912\",\"car\":\"51\",\"lap\":1,\"lapTime\":\"3:59.912\",\"inPit\":true}");

        assertThat(result.rejected()).isEmpty();
        assertThat(ids(result)).containsExactly("start", "lap/8/1", "pit-in/51/1", "end", "lap/51/1");
        TimingEvent pitIn = result.events().get(2);
        assertThat(pitIn.getSource()).isEqualTo("feed.jsonl:3");
        assertThat(pitIn.getSessionId()).isEqualTo("lm23");
        assertThat(pitIn.getWallClock()).as("session start + session time").isEqualTo(START.plusMillis(239_912));
        assertThat(pitIn.getPayload()).isEqualTo(new PitIn("51", 1));
        assertThat(result.events().get(3).getPayload()).isEqualTo(new SessionEnded(null));
    }

    @Test
    void shouldRejectEachBadLineWithItsNumberAndReason() {
        FeedResult result = read(
                START_LINE,
                "{\"type\":\"PIT_IN\", \"car\":\"51\" \"lap\":2}",
                "{\"type\":\"LAP_COMPLETED\",\"at\":\"0:04:0x.000\",\"car\":\"8\",\"lap\":\"one\"}",
                "{\"type\":\"LAP_COMPLETED\",\"at\":\"0:04:01.000\",\"car\":\"99\",\"lap\":1}",
                "[1,2]",
                "{\"type\":\"WARP_SPEED\",\"at\":\"1:00.000\"}");

        assertThat(result.events()).hasSize(1);
        assertThat(result.rejected()).extracting(RejectedRecord::source).containsExactly(
                "feed.jsonl:2", "feed.jsonl:3", "feed.jsonl:4", "feed.jsonl:5", "feed.jsonl:6");
        assertThat(result.rejected()).extracting(RejectedRecord::reason).satisfiesExactly(
                r -> assertThat(r).startsWith("not JSON: Unexpected character").endsWith("(column 30)"),
                r -> assertThat(r).isEqualTo("at: '0:04:0x.000' is not a time (H:MM:SS.mmm, M:SS.mmm or S.mmm); "
                        + "lap: must be a whole number, not \"one\""),
                r -> assertThat(r).isEqualTo("unknown car 99 (not in the session's entry list)"),
                r -> assertThat(r).isEqualTo("an event must be a JSON object, not array"),
                r -> assertThat(r).startsWith("type: unknown type 'WARP_SPEED'"));
        assertThat(result.rejected().get(0).rawText()).isEqualTo("{\"type\":\"PIT_IN\", \"car\":\"51\" \"lap\":2}");
    }

    @Test
    void shouldKeepARepeatedEventForThePublisherToCountButRejectTheSameIdWithOtherContent() {
        String lap = "{\"type\":\"LAP_COMPLETED\",\"at\":\"0:04:00.100\",\"car\":\"8\",\"lap\":1,\"lapTime\":\"4:00.100\"}";
        FeedResult result = read(START_LINE, lap, lap.replace("}", ",\"wallClock\":\"2023-06-10T14:05:00Z\"}"),
                lap.replace("4:00.100\"}", "4:00.200\"}"));

        assertThat(ids(result)).containsExactly("start", "lap/8/1", "lap/8/1");
        assertThat(result.rejected()).singleElement().satisfies(r -> {
            assertThat(r.source()).isEqualTo("feed.jsonl:4");
            assertThat(r.reason()).isEqualTo("event id lap/8/1 was already given with other content on line 2: the first one stands");
        });
    }

    @Test
    void shouldSkipAByteOrderMark() {
        assertThat(ids(read("\uFEFF" + START_LINE))).containsExactly("start");
    }
}
