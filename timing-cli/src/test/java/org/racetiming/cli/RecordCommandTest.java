package org.racetiming.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.racetiming.event.SessionEnded;
import org.racetiming.event.TimingEvent;
import org.racetiming.ingest.feed.FeedOptions;
import org.racetiming.ingest.feed.FeedResult;
import org.racetiming.ingest.feed.SessionFeed;
import org.racetiming.ingest.feed.recorded.RecordedFeedReader;

/** `timing record`: a timing file as a recorded live feed that reads back as the file's events. No Kafka. */
class RecordCommandTest {

    private static ClassifyRun record(String... args) {
        return ClassifyRun.run("record", args);
    }

    @Test
    void shouldWriteLeMans2023AsAFeedThatReadsBackAsTheFilesEvents() {
        Path dir = ClassifyRun.race("wec-2023-le-mans-24h");
        String csv = dir.resolve("analysis.csv").toString();
        String raceControl = dir.resolve("race-control.jsonl").toString();

        ClassifyRun run = record(csv, "--race-control", raceControl);

        assertThat(run.exitCode()).as(run.err()).isZero();
        // record names the session after the race folder, as classify and ingest do.
        FeedOptions options = FeedOptions.race("lm23").withSessionName("wec-2023-le-mans-24h");
        List<TimingEvent> expected = SessionFeed.read(dir.resolve("analysis.csv"), dir.resolve("race-control.jsonl"), options).events();
        FeedResult read = RecordedFeedReader.read(new StringReader(run.out()), "lm23.jsonl", options);
        assertThat(read.rejected()).isEmpty();
        assertThat(read.events()).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            TimingEvent e = expected.get(i);
            TimingEvent a = read.events().get(i);
            assertThat(a.getEventId()).isEqualTo(e.getEventId());
            assertThat(a.getSessionTimeMs()).as(e.getEventId()).isEqualTo(e.getSessionTimeMs());
            assertThat(a.getPayload()).as(e.getEventId()).isEqualTo(e.getPayload());
        }
        assertThat(read.events().get(read.events().size() - 1).getPayload()).isInstanceOf(SessionEnded.class);
    }

    @Test
    void shouldWantASeedForADeliveryShape() {
        ClassifyRun run = record("whatever.csv", "--duplicates", "0.1");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--max-delay and --duplicates shape a live delivery: give --shuffle SEED too");
    }

    @Test
    void shouldRefuseARecordedFeedAsInput(@TempDir Path temp) {
        ClassifyRun run = record(temp.resolve("feed.jsonl").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("is already a recorded feed");
    }
}
