package org.racetiming.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.racetiming.event.SessionEnded;
import org.racetiming.event.TimingEvent;
import org.racetiming.ingest.feed.alkamel.AnalysisCsv;

/** A recorded file is a complete session: its timeline ends with one SESSION_END, after everything else. */
class SessionFeedTest {

    @TempDir
    Path dir;

    private Path analysis() throws IOException {
        return Files.writeString(dir.resolve("analysis.csv"), AnalysisCsv.format2023()
                .add(AnalysisCsv.lap("51", 1, 1, "3:59.912", "3:59.912"))
                .add(AnalysisCsv.lap("8", 1, 1, "4:00.100", "4:00.100")).text(), StandardCharsets.UTF_8);
    }

    private Path raceControl(String... lines) throws IOException {
        return Files.write(dir.resolve("race-control.jsonl"), List.of(lines), StandardCharsets.UTF_8);
    }

    @Test
    void shouldEndTheFileWithASessionEndAtTheLatestEventsTime() throws IOException {
        FeedResult result = SessionFeed.read(analysis(), raceControl("{\"at\":\"0:10:00.000\",\"type\":\"PENALTY\",\"car\":\"8\",\"seconds\":5}"),
                FeedOptions.race("s"));

        List<TimingEvent> events = result.events();
        TimingEvent end = events.get(events.size() - 1);
        assertThat(end.getEventId()).isEqualTo("end");
        assertThat(end.getPayload()).isEqualTo(new SessionEnded(null));
        assertThat(end.getSessionTimeMs()).isEqualTo(600_000L);
        assertThat(end.getSource()).isEqualTo("analysis.csv:end");
        assertThat(events).isSortedAccordingTo(SessionTimeline.ORDER);
        assertThat(result.count(SessionEnded.class)).isEqualTo(1);
    }

    @Test
    void shouldEndAFileWithoutRaceControlToo() throws IOException {
        List<TimingEvent> events = SessionFeed.read(analysis(), null, FeedOptions.race("s")).events();

        assertThat(events.get(events.size() - 1).getPayload()).isInstanceOf(SessionEnded.class);
        assertThat(events.get(events.size() - 1).getSessionTimeMs()).isEqualTo(240_100L);
    }

    @Test
    void shouldKeepRaceControlsOwnEndInsteadOfAddingOne() throws IOException {
        FeedResult result = SessionFeed.read(analysis(), raceControl(
                "{\"at\":\"0:30:00.000\",\"type\":\"SESSION_END\",\"reason\":\"results final\"}",
                "{\"at\":\"0:10:00.000\",\"type\":\"PENALTY\",\"car\":\"8\",\"seconds\":5}"), FeedOptions.race("s"));

        assertThat(result.payloads(SessionEnded.class)).containsExactly(new SessionEnded("results final"));
        TimingEvent last = result.events().get(result.events().size() - 1);
        assertThat(last.getSource()).isEqualTo("race-control.jsonl:1");
    }
}
