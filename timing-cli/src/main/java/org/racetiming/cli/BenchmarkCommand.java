package org.racetiming.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.racetiming.embedded.StackEndpoints;
import org.racetiming.event.TimingEvent;
import org.racetiming.ingest.feed.simulator.RaceSimulator;
import org.racetiming.ingest.feed.simulator.SimulatorConfig;
import org.racetiming.ingest.publish.EventPublisher;
import org.racetiming.standings.StandingsService;
import org.racetiming.topics.Topic;
import org.racetiming.topics.Topics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Measures the pipeline on the real broker: the ingest rate, the topology's rate against a plain
 * consumer reading the same topic (a ratio, which the machine's speed does not fool), and the
 * latency from a crossing sent to its standings readable.
 */
@Command(name = "benchmark", mixinStandardHelpOptions = true,
        description = "Benchmark ingest, the standings topology (vs a plain consumer) and end-to-end latency on one race.")
final class BenchmarkCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "ANALYSIS.csv", description = "The race to push through (e.g. data/wec-2025-le-mans-24h/analysis.csv).")
    Path analysis;

    @Option(names = "--runs", defaultValue = "3", description = "Runs of each read measurement; the median is reported (default ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--latency-events", defaultValue = "300", description = "Crossings sent one by one for the latency measurement (default ${DEFAULT-VALUE}).")
    int latencyEvents;

    @Override
    public Integer call() throws Exception {
        RaceFeed.requireReadable(analysis, null);
        long t0 = System.nanoTime();
        RaceFeed feed = RaceFeed.read(analysis, null, null);
        int n = feed.events().size();
        Log.info("read %d events in %d ms", n, ms(t0));
        try (Pipeline pipeline = Pipeline.start()) {
            StackEndpoints endpoints = pipeline.endpoints();
            Topics topics = pipeline.topics();

            long publishStart = System.nanoTime();
            try (EventPublisher publisher = new EventPublisher(endpoints.bootstrapServers(), topics)) {
                feed.events().forEach(publisher::publish);
                publisher.flush();
            }
            double ingestRate = rate(n, publishStart);
            Log.info("ingest: %d events published in %d ms = %,.0f events/s", n, ms(publishStart), ingestRate);

            List<Double> consumerRates = new ArrayList<>();
            List<Double> topologyRates = new ArrayList<>();
            for (int run = 1; run <= runs; run++) {
                consumerRates.add(plainConsumerRate(endpoints, topics.timingEvents(), n));
                topologyRates.add(topologyRate(endpoints, topics, feed.sessionId(), n, run));
                Log.info("run %d: plain consumer %,.0f events/s, topology %,.0f events/s", run,
                        consumerRates.get(run - 1), topologyRates.get(run - 1));
            }
            double consumer = median(consumerRates);
            double topology = median(topologyRates);
            List<Long> latencies = latency(endpoints, topics);

            PrintSummary summary = new PrintSummary();
            summary.line("race", analysis.toString());
            summary.line("events", String.format(Locale.ROOT, "%d", n));
            summary.line("machine", String.format(Locale.ROOT, "%d cores, %s, Java %s", Runtime.getRuntime().availableProcessors(),
                    System.getProperty("os.name") + " " + System.getProperty("os.arch"), System.getProperty("java.version")));
            summary.line("ingest (publish + flush)", String.format(Locale.ROOT, "%,.0f events/s", ingestRate));
            summary.line("plain consumer (median of " + runs + ")", String.format(Locale.ROOT, "%,.0f events/s", consumer));
            summary.line("topology (median of " + runs + ")", String.format(Locale.ROOT, "%,.0f events/s", topology));
            summary.line("topology / plain consumer", String.format(Locale.ROOT, "%.2f", topology / consumer));
            summary.line("crossing -> standings readable", String.format(Locale.ROOT, "p50 %d ms, p99 %d ms, max %d ms (%d crossings)",
                    percentile(latencies, 50), percentile(latencies, 99), percentile(latencies, 100), latencies.size()));
            System.out.print(summary);
        }
        return 0;
    }

    /** A plain consumer deserialising every event of the topic: the floor any Kafka reader pays. */
    private static double plainConsumerRate(StackEndpoints endpoints, Topic<String, TimingEvent> topic, int n) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, endpoints.bootstrapServers());
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1000);
        try (KafkaConsumer<String, TimingEvent> consumer = new KafkaConsumer<>(props, topic.keySerde().deserializer(), topic.valueSerde().deserializer())) {
            List<TopicPartition> partitions = Partitions.assignAll(consumer, topic.name());
            consumer.seekToBeginning(partitions);
            long start = System.nanoTime();
            int read = 0;
            long checksum = 0;
            while (read < n) {
                for (ConsumerRecord<String, TimingEvent> record : consumer.poll(Duration.ofMillis(100))) {
                    checksum += record.value().getSessionTimeMs();
                    read++;
                }
                if (System.nanoTime() - start > Duration.ofMinutes(5).toNanos()) {
                    throw new IllegalStateException("plain consumer read only " + read + " of " + n + " events");
                }
            }
            if (checksum == 42) {
                Log.info("unlikely checksum"); // keeps the JIT from dropping the work
            }
            return rate(n, start);
        }
    }

    /** The standings topology from its start to the standings of the last event, with a fresh application id and state. */
    private static double topologyRate(StackEndpoints endpoints, Topics topics, String sessionId, int n, int run) throws Exception {
        try (ScratchDir stateDir = ScratchDir.create("timing-bench-state");
             OutputWatcher watcher = new OutputWatcher(endpoints.bootstrapServers(), topics.overallStandings(), sessionId, false);
             StandingsService service = StandingsService.start(endpoints.bootstrapServers(), endpoints.schemaRegistryUrl(),
                     new StandingsService.Options("standings-bench-" + run + "-" + System.nanoTime(), stateDir.path(), Duration.ofMillis(50), null))) {
            long start = System.nanoTime();
            watcher.await(s -> s.getEventsSeen() >= n, Duration.ofMinutes(5), "the topology to take in " + n + " events");
            return rate(n, start);
        }
    }

    /** Crossings of a simulated race sent one at a time; each timed until its standings are readable from Kafka. */
    private List<Long> latency(StackEndpoints endpoints, Topics topics) throws Exception {
        String sessionId = "bench-latency-" + System.nanoTime();
        List<TimingEvent> events = RaceSimulator.all(SimulatorConfig.defaults(sessionId).withCars(30)
                .withDuration(Duration.ofMinutes(30)).withStart(Instant.now()));
        events = events.subList(0, Math.min(events.size(), latencyEvents));
        List<Long> latencies = new ArrayList<>();
        try (ScratchDir stateDir = ScratchDir.create("timing-bench-latency");
             StandingsService service = StandingsService.start(endpoints.bootstrapServers(), endpoints.schemaRegistryUrl(),
                     new StandingsService.Options("standings-latency-" + System.nanoTime(), stateDir.path(), Duration.ofMillis(50), null));
             OutputWatcher watcher = new OutputWatcher(endpoints.bootstrapServers(), topics.overallStandings(), sessionId);
             EventPublisher publisher = new EventPublisher(endpoints.bootstrapServers(), topics)) {
            long seen = 0;
            for (TimingEvent event : events) {
                long sent = System.nanoTime();
                publisher.publish(event);
                publisher.flush();
                long expected = ++seen;
                watcher.await(s -> s.getEventsSeen() >= expected, Duration.ofSeconds(30), "standings of event " + expected);
                latencies.add((System.nanoTime() - sent) / 1_000_000);
                Thread.sleep(60); // live pace: one crossing at a time, past the 50 ms emission interval
            }
        }
        return latencies;
    }

    private static double rate(int n, long startNanos) {
        return n / ((System.nanoTime() - startNanos) / 1e9);
    }

    private static long ms(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    private static long percentile(List<Long> values, int p) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    /** The figures, aligned, on stdout. */
    private static final class PrintSummary {
        private final StringBuilder text = new StringBuilder();

        void line(String what, String value) {
            text.append(String.format(Locale.ROOT, "%-40s %s%n", what, value));
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }
}
