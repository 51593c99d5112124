package org.racetiming.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.racetiming.event.TimingEvent;
import org.racetiming.ingest.feed.simulator.RaceSimulator;
import org.racetiming.ingest.feed.simulator.SimulatorConfig;
import org.racetiming.ingest.publish.EventPublisher;
import org.racetiming.standings.StandingsService;
import org.racetiming.standings.topology.SessionRetention;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * A season through one standings instance: simulated sessions one after another, and at checkpoints the heap after
 * GC and the time a fresh instance takes to restore the state (an empty state directory, the changelog read back).
 * With the retention the service uses (finished sessions archived, idle ones out of memory) and with sessions kept
 * for ever, so the curves can be compared on the same machine. Each run has a broker of its own (no run reads
 * another's sessions). Measuring a restore restarts the instance, which empties its memory; so the heap of "kept
 * for ever" comes from a run of its own that is never restarted (archived sessions leave memory either way).
 */
@Command(name = "benchmark-soak", mixinStandardHelpOptions = true,
        description = "Many simulated sessions through one standings instance: heap after GC and restore time as history grows.")
final class SoakBenchmarkCommand implements Callable<Integer> {

    @Option(names = "--sessions", defaultValue = "200", description = "Sessions (default ${DEFAULT-VALUE}).")
    int sessions;

    @Option(names = "--checkpoints", defaultValue = "4", description = "Measurements along the way (default ${DEFAULT-VALUE}).")
    int checkpoints;

    @Option(names = "--cars", defaultValue = "30", description = "Cars per session (default ${DEFAULT-VALUE}).")
    int cars;

    @Option(names = "--duration", defaultValue = "60", description = "Minutes of racing per session (default ${DEFAULT-VALUE}).")
    int minutes;

    private static final SessionRetention KEEP_FOREVER =
            new SessionRetention(Duration.ofDays(365), Duration.ofDays(365), Duration.ofSeconds(1));
    private static final SessionRetention ARCHIVE_AT_ONCE =
            new SessionRetention(Duration.ofSeconds(5), Duration.ZERO, Duration.ofSeconds(1));

    @Override
    public Integer call() throws Exception {
        say("%d sessions of %d cars, %d min each; %d cores, max heap %d MB, Java %s", sessions, cars, minutes,
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
                System.getProperty("java.version"));
        run("archived when final", ARCHIVE_AT_ONCE, true);
        run("kept for ever      ", KEEP_FOREVER, true);
        run("kept, no restarts  ", KEEP_FOREVER, false);
        return 0;
    }

    private void run(String label, SessionRetention retention, boolean restarts) throws Exception {
        try (Pipeline pipeline = Pipeline.start()) {
            run(pipeline, label, retention, restarts);
        }
    }

    private void run(Pipeline pipeline, String label, SessionRetention retention, boolean restarts) throws Exception {
        String run = "soak-" + Long.toString(System.currentTimeMillis(), 36);
        List<Path> stateDirs = new ArrayList<>();
        StandingsService service = start(pipeline, run, retention, stateDirs);
        long events = 0;
        try (EventPublisher publisher = new EventPublisher(pipeline.bootstrapServers(), pipeline.topics())) {
            for (int i = 1; i <= sessions; i++) {
                String session = run + "-" + i;
                List<TimingEvent> race = RaceSimulator.all(SimulatorConfig.defaults(session).withSeed(i).withCars(cars)
                        .withDuration(Duration.ofMinutes(minutes)));
                race.forEach(publisher::publish);
                publisher.flush();
                events += race.size();
                if (i % Math.max(1, sessions / checkpoints) == 0 || i == sessions) {
                    awaitTaken(service, session, race.size());
                    Thread.sleep(3_000); // three retention checks
                    long heap = heapAfterGc();
                    int held = service.sessionsInMemory();
                    String restore = "not measured (no restarts)";
                    if (restarts) {
                        service.close();
                        long t0 = System.nanoTime();
                        service = start(pipeline, run, retention, stateDirs);
                        restore = (System.nanoTime() - t0) / 1_000_000 + " ms";
                    }
                    // Kept for ever and restarted: the restart emptied memory, so its heap would flatter it.
                    String heapAfterGc = restarts && retention == KEEP_FOREVER ? "(see the run without restarts)"
                            : (heap >> 20) + " MB";
                    say("%s %4d sessions, %7d events: %3d in memory, heap after GC %s, restore into an empty state dir %s",
                            label, i, events, held, heapAfterGc, restore);
                }
            }
        } finally {
            service.close();
            stateDirs.forEach(SoakBenchmarkCommand::delete);
        }
    }

    private static StandingsService start(Pipeline pipeline, String appId, SessionRetention retention, List<Path> dirs)
            throws IOException {
        Path stateDir = Files.createTempDirectory("timing-soak-");
        dirs.add(stateDir);
        return StandingsService.start(pipeline.bootstrapServers(), pipeline.endpoints().schemaRegistryUrl(),
                new StandingsService.Options(appId, stateDir, Duration.ofMillis(50), null), retention);
    }

    private static void awaitTaken(StandingsService service, String session, int events) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (service.queries().withSession(session, r -> r.eventsSeen()).orElse(0L) < events) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the topology did not take in session " + session + " within 2 minutes");
            }
            Thread.sleep(100);
        }
    }

    private static long heapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static void delete(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp dir left behind is reported by nobody; the next run does not depend on it
        }
    }

    private static void say(String format, Object... args) {
        System.out.println(String.format(Locale.ROOT, format, args));
    }
}
