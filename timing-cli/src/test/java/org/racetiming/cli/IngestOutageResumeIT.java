package org.racetiming.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.racetiming.embedded.StackEndpoints;
import org.racetiming.embedded.junit.WithKafkaStack;
import org.racetiming.event.TimingEvent;
import org.racetiming.ingest.feed.FeedResult;
import org.racetiming.ingest.publish.EventPublisher;
import org.racetiming.ingest.publish.FeedSummary;
import org.racetiming.ingest.publish.Pacer;
import org.racetiming.ingest.replay.SessionEventsReader;
import org.racetiming.output.CarStanding;
import org.racetiming.output.Standings;
import org.racetiming.standings.StandingsService;
import org.racetiming.time.RaceTime;
import org.racetiming.topics.Topics;

/**
 * Issue 7, item 8 and "Done when": Le Mans 2023 is ingested on the real broker and registry with the
 * brokers gone part-way (a delivery fails as after {@code delivery.timeout.ms}, and they come back
 * while the feed is still being sent). The ingest stops at the first failed event with nothing after
 * it on the topic; {@code --session} resumes it in order; the standings of that session are the
 * official classification, with the pit stops, driver times and best laps of a clean run.
 */
@WithKafkaStack
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IngestOutageResumeIT {

    private static final String RACE = "wec-2023-le-mans-24h";
    /** Where the brokers go away (a third into the race's events) and for how many events. */
    private static final int OUTAGE_FROM = 25_000;
    private static final int OUTAGE_LENGTH = 3_000;

    private final String stamp = Long.toString(System.currentTimeMillis(), 36);
    private final String clean = "clean-" + stamp;
    private final String resumed = "outage-" + stamp;
    private StackEndpoints stack;
    private Path data;
    private Pipeline pipeline;
    private Topics topics;
    private StandingsService standings;
    private List<String> feedIds;
    private List<String> afterOutage;
    private String outageErr;
    private Throwable outageFailure;
    private FeedSummary resume;

    @BeforeAll
    void ingestCleanlyThenWithAnOutageThenResume(StackEndpoints stack, @TempDir Path temp) throws IOException {
        this.stack = stack;
        data = ClassifyRun.DATA.resolve(RACE);
        assumeTrue(Files.isRegularFile(data.resolve("analysis.csv")) && Files.isRegularFile(data.resolve("classification.csv")),
                "real timing data not found at " + data.toAbsolutePath() + " (set -Dtiming.data.dir)");
        pipeline = Pipeline.connect(stack);
        topics = pipeline.topics();
        standings = StandingsService.start(stack.bootstrapServers(), stack.schemaRegistryUrl(), new StandingsService.Options(
                "standings-" + stamp, Files.createDirectories(temp.resolve("state")), Duration.ofMillis(50), null));

        FeedResult feed = command(clean).read(clean);
        feedIds = feed.events().stream().map(TimingEvent::getEventId).toList();
        assertThat(feedIds.size()).isGreaterThan(OUTAGE_FROM + OUTAGE_LENGTH);
        run(command(clean), clean);

        IngestCommand interrupted = command(resumed);
        interrupted.sendPath = new SimulatedOutage(OUTAGE_FROM, OUTAGE_LENGTH);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            interrupted.publish(pipeline, resumed, interrupted.read(resumed), new PrintStream(new ByteArrayOutputStream()),
                    new PrintStream(err, true, StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            outageFailure = e;
        }
        outageErr = err.toString(StandardCharsets.UTF_8);
        afterOutage = ids(resumed);

        resume = run(command(resumed), resumed);
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

    private IngestCommand command(String session) {
        IngestCommand command = new IngestCommand();
        command.analysis = data.resolve("analysis.csv");
        command.raceControl = data.resolve("race-control.jsonl");
        command.session = session;
        command.speed = Pacer.AS_FAST_AS_POSSIBLE;
        return command;
    }

    private FeedSummary run(IngestCommand command, String session) {
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream());
        return command.publish(pipeline, session, command.read(session), quiet, quiet);
    }

    private List<String> ids(String session) {
        return new SessionEventsReader(stack.bootstrapServers(), topics.timingEvents(), Duration.ofSeconds(30))
                .read(session, SessionEventsReader.Scope.KEY_PARTITION).stream().map(TimingEvent::getEventId).toList();
    }

    private Standings finalClassification(String session) {
        try (OutputWatcher watcher = new OutputWatcher(stack.bootstrapServers(), topics.finalClassification(), session)) {
            return watcher.await(s -> s.getEventsSeen() >= feedIds.size(), Duration.ofMinutes(3), "the final classification of " + session);
        }
    }

    @Test
    void shouldStopAtTheFirstFailedDeliveryWithOnlyAPrefixOfTheFeedOnTheTopic() {
        assertThat(outageFailure).as("the ingest fails (exit 2)").isInstanceOf(EventPublisher.PublishException.class)
                .hasMessageContaining("first unacknowledged: event " + feedIds.get(OUTAGE_FROM));
        assertThat(outageErr).contains("stopped at event " + feedIds.get(OUTAGE_FROM))
                .contains("--session " + resumed);
        assertThat(afterOutage.size()).as("events on the topic").isPositive().isLessThanOrEqualTo(OUTAGE_FROM);
        assertThat(afterOutage).as("no hole: a prefix of the feed").containsExactlyElementsOf(feedIds.subList(0, afterOutage.size()));
    }

    @Test
    void shouldCompleteTheFeedInOrderOnResume() {
        assertThat(resume.complete()).isTrue();
        assertThat(resume.duplicates()).isEqualTo(afterOutage.size());
        assertThat(resume.published()).isEqualTo(feedIds.size() - afterOutage.size());
        assertThat(ids(resumed)).containsExactlyElementsOf(feedIds);
    }

    @Test
    void shouldClassifyTheResumedSessionAsTheOfficialResultWithTheStopsDriverTimesAndBestLapsOfACleanRun() throws IOException {
        Standings result = finalClassification(resumed);
        Standings reference = finalClassification(clean);

        List<String> official;
        try (Stream<String> lines = Files.lines(data.resolve("classification.csv"), StandardCharsets.UTF_8)) {
            official = lines.skip(1).filter(l -> !l.isBlank()).map(l -> l.split(";", -1))
                    .map(f -> String.join(";", f[0], f[1], f[5], f[6], f[7], f[8], f[9])).toList();
        }
        assertThat(result.getCars().stream().map(IngestOutageResumeIT::row).toList()).hasSize(62).containsExactlyElementsOf(official);
        assertThat(result.getCars().stream().map(IngestOutageResumeIT::stopsDriversAndBestLap).toList())
                .containsExactlyElementsOf(reference.getCars().stream().map(IngestOutageResumeIT::stopsDriversAndBestLap).toList());
    }

    private static String row(CarStanding car) {
        return String.join(";", String.valueOf(car.getPosition()), car.getCar(), car.getStatus(), String.valueOf(car.getLaps()),
                car.getTotalTimeMs() == null ? "" : RaceTime.formatHms(car.getTotalTimeMs()),
                ClassificationTable.gap(car.getGapFirst()), ClassificationTable.gap(car.getInterval()));
    }

    private static String stopsDriversAndBestLap(CarStanding car) {
        return "#" + car.getCar() + " stops " + car.getPitStops() + " drivers " + car.getDriverTimes() + " best " + car.getBestLapMs()
                + " (lap " + car.getBestLapNumber() + ")";
    }
}
