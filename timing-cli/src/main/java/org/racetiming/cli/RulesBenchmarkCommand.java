package org.racetiming.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.racetiming.event.TimingEvent;
import org.racetiming.standings.rules.EventTimeline;
import org.racetiming.standings.rules.RaceSession;
import org.racetiming.time.RaceTime;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Measures what live conditions cost the rules, in process (no broker): time travel ({@code at=}) under concurrent
 * queries, a late event on a whole race, and a session's rebuild. The session is held exactly as the standings
 * service holds it ({@link EventTimeline}); a query is what the HTTP API does before writing JSON: the session as of
 * a time, its overall board and one pair gap.
 */
@Command(name = "benchmark-rules", mixinStandardHelpOptions = true,
        description = "Benchmark time travel under concurrent queries, the cost of a late event and of a rebuild, on one race.")
final class RulesBenchmarkCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "ANALYSIS.csv", description = "The race (e.g. data/wec-2025-le-mans-24h/analysis.csv).")
    Path analysis;

    @Option(names = "--duration", defaultValue = "24:00:00", description = "Scheduled duration (default ${DEFAULT-VALUE}).")
    String duration;

    @Option(names = "--clients", defaultValue = "20", description = "Concurrent time-travel clients (default ${DEFAULT-VALUE}).")
    int clients;

    @Option(names = "--queries", defaultValue = "100", description = "Queries per client (default ${DEFAULT-VALUE}).")
    int queries;

    @Override
    public Integer call() throws Exception {
        RaceFeed.requireReadable(analysis, null);
        List<TimingEvent> events = RaceFeed.read(analysis, null, RaceTime.parse(duration)).events();
        String session = events.get(0).getSessionId();
        long end = events.get(events.size() - 1).getSessionTimeMs();
        say("%s: %d events, %s of racing; %d cores, Java %s", analysis, events.size(), RaceTime.formatHms(end),
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));

        long[] rebuild = new long[5];
        EventTimeline timeline = null;
        for (int i = 0; i < rebuild.length; i++) {
            long t0 = System.nanoTime();
            timeline = new EventTimeline(session);
            events.forEach(timeline::offer);
            timeline.current().overall();
            rebuild[i] = System.nanoTime() - t0;
        }
        say("whole race placed in a session (restore, or the first query of a stored session): median %.1f ms",
                median(rebuild) / 1e6);

        lateEvents(events, session, end);
        timeTravel(timeline, end);
        return 0;
    }

    /** A late event at 1 h, half-way and near the end: placed, then the session recomputed as the next board needs. */
    private static void lateEvents(List<TimingEvent> events, String session, long end) {
        for (double share : new double[] {1.0 / 24, 0.5, 23.0 / 24}) {
            int index = indexAt(events, (long) (end * share));
            List<TimingEvent> others = new ArrayList<>(events);
            TimingEvent late = others.remove(index);
            long[] costs = new long[5];
            for (int run = 0; run < costs.length; run++) {
                EventTimeline timeline = new EventTimeline(session);
                others.forEach(timeline::offer);
                timeline.current();
                long t0 = System.nanoTime();
                timeline.offer(late);
                timeline.current().overall();
                costs[run] = System.nanoTime() - t0;
            }
            say("late event at %s (%d events after it): median %.1f ms to the next board",
                    RaceTime.formatHms(late.getSessionTimeMs()), events.size() - index, median(costs) / 1e6);
        }
        long[] append = new long[5];
        for (int run = 0; run < append.length; run++) {
            EventTimeline timeline = new EventTimeline(session);
            events.subList(0, events.size() - 1).forEach(timeline::offer);
            long t0 = System.nanoTime();
            timeline.offer(events.get(events.size() - 1));
            timeline.current().overall();
            append[run] = System.nanoTime() - t0;
        }
        say("an event in order, for comparison: median %.2f ms to the next board", median(append) / 1e6);
    }

    private void timeTravel(EventTimeline timeline, long end) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            measure(timeline, end, pool, 1, queries); // warm-up, not reported
            long[] alone = measure(timeline, end, pool, 1, queries);
            long[] cpu = cpuPerQuery(timeline, end, queries);
            long[] together = measure(timeline, end, pool, clients, queries);
            say("time travel, 1 client: p50 %.1f ms, p99 %.1f ms; CPU per query p50 %.2f ms, p99 %.2f ms (what load"
                    + " on the machine does not inflate)", percentile(alone, 50) / 1e6, percentile(alone, 99) / 1e6,
                    percentile(cpu, 50) / 1e6, percentile(cpu, 99) / 1e6);
            say("time travel, %d clients asking at once, %d rounds: p50 %.1f ms, p99 %.1f ms, max %.1f ms",
                    clients, queries, percentile(together, 50) / 1e6, percentile(together, 99) / 1e6,
                    together[together.length - 1] / 1e6);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Thread CPU time of single queries: the cost of one, whatever else the machine is doing. */
    private static long[] cpuPerQuery(EventTimeline timeline, long end, int count) {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        Random random = new Random(42);
        long[] took = new long[count];
        for (int q = 0; q < count; q++) {
            long at = (long) (random.nextDouble() * end);
            long t0 = threads.getCurrentThreadCpuTime();
            ask(timeline, at);
            took[q] = threads.getCurrentThreadCpuTime() - t0;
        }
        Arrays.sort(took);
        return took;
    }

    /**
     * {@code count} rounds in which the clients all ask at once (20 commentators pressing the button together), each
     * for the session at a random time: board and one pair gap. A round starts when the last one ended.
     */
    private static long[] measure(EventTimeline timeline, long end, ExecutorService pool, int clients, int count)
            throws Exception {
        CyclicBarrier together = new CyclicBarrier(clients);
        List<Future<long[]>> results = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Random random = new Random(c);
            results.add(pool.submit(() -> {
                long[] took = new long[count];
                for (int q = 0; q < count; q++) {
                    long at = (long) (random.nextDouble() * end);
                    together.await();
                    long t0 = System.nanoTime();
                    ask(timeline, at);
                    took[q] = System.nanoTime() - t0;
                }
                return took;
            }));
        }
        long[] all = new long[0];
        for (Future<long[]> result : results) {
            long[] took = result.get();
            long[] merged = Arrays.copyOf(all, all.length + took.length);
            System.arraycopy(took, 0, merged, all.length, took.length);
            all = merged;
        }
        Arrays.sort(all);
        return all;
    }

    /** One query as the HTTP API makes it: the session as of a time, its overall board and one pair gap. */
    private static void ask(EventTimeline timeline, long atMs) {
        RaceSession asOf = timeline.at(atMs);
        asOf.overall();
        asOf.gapBetween("51", "8");
    }

    private static int indexAt(List<TimingEvent> events, long timeMs) {
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i).getSessionTimeMs() >= timeMs) {
                return i;
            }
        }
        return events.size() - 1;
    }

    private static double median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static double percentile(long[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * p / 100.0) - 1)];
    }

    private static void say(String format, Object... args) {
        System.out.println(String.format(Locale.ROOT, format, args));
    }
}
