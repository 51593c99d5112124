package org.racetiming.standings.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.racetiming.event.SessionEnded;
import org.racetiming.event.TimingEvent;
import org.racetiming.ingest.feed.FeedOptions;
import org.racetiming.ingest.feed.FeedResult;
import org.racetiming.ingest.feed.SessionTimeline;
import org.racetiming.ingest.feed.alkamel.AlKamelCsvReader;
import org.racetiming.ingest.feed.racecontrol.RaceControlReader;
import org.racetiming.time.RaceTime;

/**
 * The real races in the shared data folder (system property {@code timing.data.dir}), read with the ingest
 * module's adapters exactly as the system reads them. Nothing of the data is copied into the repository; a test
 * skips visibly when the folder is not there.
 */
public final class RealRaces {

    /** A replayed race: its events, the session fed with them, and what the session rejected. */
    record Replay(List<TimingEvent> events, RaceSession session, Map<String, Integer> rejectedByReason,
                  long replayNanos) {
    }

    private RealRaces() {
    }

    static Path folder(String race) {
        Path data = Path.of(System.getProperty("timing.data.dir", "../shared/data"));
        Path folder = data.resolve(race);
        assumeTrue(Files.isRegularFile(folder.resolve("analysis.csv")),
                "skipped: no real timing data at " + folder.toAbsolutePath() + " (set -Dtiming.data.dir)");
        return folder;
    }

    /** The race's events in session-time order: the analysis file merged with race control, if any. */
    public static List<TimingEvent> events(String race, String scheduledDuration) {
        Path folder = folder(race);
        FeedOptions options = FeedOptions.race(race).withSessionName(race)
                .withScheduledDurationMs(RaceTime.parse(scheduledDuration));
        FeedResult timing = AlKamelCsvReader.read(folder.resolve("analysis.csv"), options);
        assertThat(timing.rejected()).as("rows the adapter rejected in %s", race).isEmpty();
        Path raceControl = folder.resolve("race-control.jsonl");
        if (!Files.isRegularFile(raceControl)) {
            return complete(timing.events());
        }
        FeedResult decisions = RaceControlReader.read(raceControl, options);
        assertThat(decisions.rejected()).as("race-control lines rejected in %s", race).isEmpty();
        return complete(SessionTimeline.merge(timing.events(), decisions.events()));
    }

    /** A complete recorded file ends with SESSION_END (DOMAIN.md): the results are final. */
    private static List<TimingEvent> complete(List<TimingEvent> events) {
        TimingEvent last = events.get(events.size() - 1);
        if (last.getPayload() instanceof SessionEnded) {
            return events;
        }
        List<TimingEvent> all = new ArrayList<>(events);
        all.add(TimingEvent.newBuilder(last).setEventId("end").setSource("test")
                .setPayload(SessionEnded.newBuilder().build()).build());
        return all;
    }

    static Replay replay(String race, String scheduledDuration) {
        return replay(events(race, scheduledDuration), Long.MAX_VALUE);
    }

    /** Feeds a fresh session every event at or before {@code untilMs}: the standings "as of" that time. */
    static Replay replay(List<TimingEvent> events, long untilMs) {
        RaceSession session = new RaceSession(events.get(0).getSessionId());
        Map<String, Integer> rejected = new LinkedHashMap<>();
        long start = System.nanoTime();
        for (TimingEvent event : events) {
            if (event.getSessionTimeMs() > untilMs) {
                continue;
            }
            ApplyResult result = session.apply(event);
            if (!result.applied()) {
                rejected.merge(result.reason(), 1, Integer::sum);
            }
        }
        return new Replay(events, session, rejected, System.nanoTime() - start);
    }

    /** One line of an official Al Kamel classification file, by column name. */
    record OfficialLine(Map<String, String> columns) {

        String get(String column) {
            return columns.getOrDefault(column, "");
        }
    }

    static List<OfficialLine> officialClassification(String race) {
        Path file = folder(race).resolve("classification.csv");
        assumeTrue(Files.isRegularFile(file), "skipped: no official classification at " + file.toAbsolutePath());
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            String[] header = lines.get(0).replace("\uFEFF", "").split(";", -1);
            List<OfficialLine> rows = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                if (line.isBlank()) {
                    continue;
                }
                String[] fields = line.split(";", -1);
                Map<String, String> columns = new HashMap<>();
                for (int i = 0; i < header.length && i < fields.length; i++) {
                    columns.put(header[i].trim(), fields[i].trim());
                }
                rows.add(new OfficialLine(columns));
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void report(String what, Replay replay) {
        // A figure for the team (replay speed); the assertions are elsewhere.
        System.out.printf(java.util.Locale.ROOT, "%s: %d events replayed through RaceSession in %d ms%n",
                what, replay.events().size(), replay.replayNanos() / 1_000_000);
    }
}
