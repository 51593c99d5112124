package org.racetiming.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.racetiming.ingest.publish.RejectedRecords;
import org.racetiming.embedded.StackEndpoints;
import org.racetiming.embedded.junit.WithKafkaStack;
import org.racetiming.event.TimingEvent;
import org.racetiming.ingest.feed.FeedOptions;
import org.racetiming.ingest.feed.FeedResult;
import org.racetiming.ingest.feed.SessionFeed;
import org.racetiming.ingest.publish.FeedSummary;
import org.racetiming.ingest.publish.Pacer;
import org.racetiming.ingest.replay.SessionEventsReader;
import org.racetiming.ingest.replay.SessionReplay;
import org.racetiming.output.CarStanding;
import org.racetiming.output.Standings;
import org.racetiming.standings.StandingsService;
import org.racetiming.time.RaceTime;
import org.racetiming.topics.Topics;

/**
 * The whole path on the real broker and registry: the Le Mans 2023 analysis file with bad rows
 * injected (a garbage line, a non-numeric time, a duplicate row, a lap 0, a row with unknown extra
 * columns; and an unknown extra column in the header, which must just be ignored) is published by
 * {@code timing ingest}; every valid event arrives, each bad row is rejected with its line and reason,
 * and the standings topology still classifies the race exactly as the official result. Replaying
 * the recorded session into a new id gives the same final classification.
 */
@WithKafkaStack
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IngestBadRowsIT {

    private static final String RACE = "wec-2023-le-mans-24h";

    /** A bad row: where it is in the file made by the test, and the reason it must be rejected with. */
    private record BadRow(int line, String reasonStart) {
    }

    private StackEndpoints stack;
    private Path original;
    private Path raceControl;
    private final List<BadRow> badRows = new ArrayList<>();
    private final String session = "badrows-" + Long.toString(System.currentTimeMillis(), 36);
    private FeedSummary summary;
    private String stdout;
    private String stderr;
    private Pipeline pipeline;
    private Topics topics;
    private StandingsService standings;

    @BeforeAll
    void ingestTheFileWithBadRows(StackEndpoints stack, @TempDir Path temp) throws IOException {
        this.stack = stack;
        Path data = Path.of(System.getProperty("timing.data.dir", "../../shared/data")).resolve(RACE);
        original = data.resolve("analysis.csv");
        raceControl = data.resolve("race-control.jsonl");
        assumeTrue(Files.isRegularFile(original) && Files.isRegularFile(data.resolve("classification.csv")),
                "real timing data not found at " + data.toAbsolutePath() + " (set -Dtiming.data.dir)");
        pipeline = Pipeline.connect(stack);
        topics = pipeline.topics();
        // The topology first, so that it is running when the events come (it reads from the start anyway).
        standings = StandingsService.start(stack.bootstrapServers(), stack.schemaRegistryUrl(), new StandingsService.Options(
                "standings-" + session, Files.createDirectories(temp.resolve("state")), Duration.ofMillis(50), null));

        IngestCommand command = new IngestCommand();
        command.analysis = withBadRows(temp.resolve("analysis.csv"));
        command.raceControl = raceControl;
        command.session = session;
        command.speed = Pacer.AS_FAST_AS_POSSIBLE;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        FeedResult feed = command.read(session);
        summary = command.publish(pipeline, session, feed, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        stdout = out.toString(StandardCharsets.UTF_8);
        stderr = err.toString(StandardCharsets.UTF_8);
    }

    @AfterAll
    void stop() {
        if (standings != null) {
            standings.close();
        }
        if (pipeline != null) {
            pipeline.close();
        }
    }

    /** The real file, an unknown column added to every line, and the bad rows put in between. */
    private Path withBadRows(Path target) throws IOException {
        List<String> lines = Files.readAllLines(original, StandardCharsets.UTF_8);
        List<String> header = Arrays.stream(lines.get(0).replace("\uFEFF", "").split(";", -1)).map(String::trim).toList();
        List<String> out = new ArrayList<>();
        out.add(lines.get(0) + "TYRE_COMPOUND;");
        for (int i = 1; i < lines.size(); i++) {
            String row = lines.get(i) + "M;";
            out.add(row);
            switch (i) {
                case 100 -> addBad(out, "garbage; not timing data", "wrong number of columns: 2 (expected 30)");
                case 2_000 -> addBad(out, with(header, row, "LAP_TIME", "1:3x.123"), "LAP_TIME '1:3x.123' is not a time");
                case 4_000 -> addBad(out, row, "duplicate of analysis.csv:" + out.size() + " (car " + row.split(";")[0] + " ");
                case 6_000 -> addBad(out, with(header, row, "LAP_NUMBER", "0"), "lap 0 is not a lap (laps count from 1)");
                case 8_000 -> addBad(out, row + "SOFT;42;", "wrong number of columns: 33 (expected 30)");
                default -> {
                }
            }
        }
        Files.write(target, out, StandardCharsets.UTF_8);
        return target;
    }

    private void addBad(List<String> out, String line, String reasonStart) {
        out.add(line);
        badRows.add(new BadRow(out.size(), reasonStart));
    }

    private static String with(List<String> header, String row, String column, String value) {
        String[] fields = row.split(";", -1);
        fields[header.indexOf(column)] = value;
        return String.join(";", fields);
    }

    private List<TimingEvent> cleanEvents() {
        FeedOptions options = FeedOptions.race(session);
        FeedResult clean = SessionFeed.read(original, raceControl, options);
        assertThat(clean.rejected()).isEmpty();
        return clean.events();
    }

    private List<TimingEvent> published(String sessionId) {
        return new SessionEventsReader(stack.bootstrapServers(), topics.timingEvents(), Duration.ofSeconds(30))
                .read(sessionId, SessionEventsReader.Scope.KEY_PARTITION);
    }

    private Standings finalClassification(String sessionId, long events) {
        try (OutputWatcher watcher = new OutputWatcher(stack.bootstrapServers(), topics.finalClassification(), sessionId)) {
            return watcher.await(s -> s.getEventsSeen() >= events, Duration.ofMinutes(3), "the final classification of " + sessionId);
        }
    }

    private static List<String> rows(Standings standings) {
        return standings.getCars().stream().map(IngestBadRowsIT::row).toList();
    }

    private static String row(CarStanding car) {
        return String.join(";", String.valueOf(car.getPosition()), car.getCar(), car.getStatus(), String.valueOf(car.getLaps()),
                car.getTotalTimeMs() == null ? "" : RaceTime.formatHms(car.getTotalTimeMs()),
                ClassificationTable.gap(car.getGapFirst()), ClassificationTable.gap(car.getInterval()));
    }

    @Test
    void shouldPublishEveryValidEventOfTheFileInOrder() {
        List<TimingEvent> clean = cleanEvents();

        assertThat(summary.complete()).isTrue();
        assertThat(summary.published()).isEqualTo(clean.size());
        assertThat(published(session)).extracting(TimingEvent::getEventId)
                .containsExactlyElementsOf(clean.stream().map(TimingEvent::getEventId).toList());
    }

    @Test
    void shouldRejectEachBadRowWithItsLineAndReasonInTheRejectedTopicAndOnStderr() {
        // What ingest rejected; the standings add their own records to the same topic.
        List<RejectedRecords.Rejected> rejected = RejectedRecords.rejected(stack.bootstrapServers(), session).stream()
                .filter(r -> Topics.REJECTED_BY_INGEST.equals(r.headers().get(Topics.HEADER_REJECTED_BY))).toList();

        assertThat(summary.rejected()).isEqualTo(badRows.size());
        assertThat(rejected).hasSize(badRows.size());
        for (int i = 0; i < badRows.size(); i++) {
            BadRow bad = badRows.get(i);
            RejectedRecords.Rejected record = rejected.get(i);
            assertThat(record.headers()).containsEntry(Topics.HEADER_SOURCE, "analysis.csv:" + bad.line())
                    .containsEntry(Topics.HEADER_REJECTED_BY, Topics.REJECTED_BY_INGEST);
            assertThat(record.headers().get(Topics.HEADER_REASON)).as("reason of line %d", bad.line()).startsWith(bad.reasonStart());
            assertThat(stderr).contains("analysis.csv:" + bad.line() + " \u2014 " + bad.reasonStart());
        }
        assertThat(stdout).startsWith(summary.published() + " published, 5 rejected").contains(Topics.TIMING_EVENTS_REJECTED);
    }

    @Test
    void shouldClassifyTheRaceExactlyAsTheOfficialResultDespiteTheBadRows() throws IOException {
        Standings result = finalClassification(session, summary.published());

        List<String> official;
        try (Stream<String> lines = Files.lines(original.resolveSibling("classification.csv"), StandardCharsets.UTF_8)) {
            official = lines.skip(1).filter(l -> !l.isBlank()).map(l -> l.split(";", -1))
                    .map(f -> String.join(";", f[0], f[1], f[5], f[6], f[7], f[8], f[9])).toList();
        }
        assertThat(official).hasSize(62);
        assertThat(rows(result)).containsExactlyElementsOf(official);
    }

    @Test
    void shouldGiveTheSameFinalClassificationWhenTheRecordedSessionIsReplayedIntoANewId() {
        String replayed = session + "-replay";
        Standings recorded = finalClassification(session, summary.published());

        SessionReplay.Result result = ReplayCommand.replay(pipeline, new SessionReplay.Options(session, replayed,
                Pacer.AS_FAST_AS_POSSIBLE, RaceTime.parse("12:00:00.000")));

        assertThat(result.eventsRead()).isEqualTo(summary.published());
        assertThat(result.summary().published()).isEqualTo(summary.published());
        Standings again = finalClassification(replayed, result.summary().published());
        assertThat(again.getSessionId()).isEqualTo(replayed);
        assertThat(rows(again)).hasSize(62).containsExactlyElementsOf(rows(recorded));
        assertThat(again.getChequered()).isTrue();
    }
}
