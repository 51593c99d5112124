package org.racetiming.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.concurrent.Callable;
import org.apache.kafka.common.errors.InterruptException;
import org.racetiming.embedded.StackEndpoints;
import org.racetiming.event.TimingEvent;
import org.racetiming.ingest.feed.simulator.RaceSimulator;
import org.racetiming.ingest.feed.simulator.SimulatorConfig;
import org.racetiming.ingest.publish.EventPublisher;
import org.racetiming.ingest.publish.Pacer;
import org.racetiming.standings.StandingsService;
import org.racetiming.standings.http.StandingsHttp;
import org.racetiming.time.RaceTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Runs everything on one machine and replays a race as if it were live, logging the standings as they change. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Start the stack, replay a race at a speed factor and log standings changes until Ctrl-C.")
final class DemoCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(DemoCommand.class);

    @Parameters(index = "0", arity = "0..1", paramLabel = "ANALYSIS.csv",
            description = "Al Kamel analysis CSV to replay (default: a simulated race).")
    Path analysis;

    @Option(names = "--race-control", paramLabel = "FILE.jsonl")
    Path raceControl;

    @Option(names = "--speed", defaultValue = "60", description = "Speed factor: 1 = live, 60 = an hour a minute (default ${DEFAULT-VALUE}).")
    double speed;

    @Option(names = "--duration", paramLabel = "H:MM:SS",
            description = "Scheduled duration: for data without a chequered-flag column, or of the simulated race (default 6:00:00).")
    String duration;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the simulated race (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--cars", defaultValue = "45", description = "Cars in the simulated race (default ${DEFAULT-VALUE}).")
    int cars;

    @Option(names = "--port", defaultValue = "8080", description = "HTTP port of the API and the live timing page (default ${DEFAULT-VALUE}; 0 = any free port).")
    int port;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "Interface the page and API listen on (default ${DEFAULT-VALUE}: this machine only; 0.0.0.0 = every interface).")
    String bind;

    /** Its own consumer group: on a shared cluster the demo must not join the deployed standings instances. */
    static final String APPLICATION_ID = "timing-demo";

    @Override
    public Integer call() throws Exception {
        // Refused before anything starts: the stack takes seconds.
        LocalPort.requireFree(bind, port, "--port");
        Long durationMs = duration == null ? null : RaceTime.parse(duration);
        String sessionId;
        Iterator<TimingEvent> events;
        if (analysis == null) {
            sessionId = "sim-" + seed + "-" + Long.toString(System.currentTimeMillis(), 36);
            SimulatorConfig config = SimulatorConfig.defaults(sessionId).withSeed(seed).withCars(cars).withStart(Instant.now());
            if (durationMs != null) {
                config = config.withDuration(Duration.ofMillis(durationMs));
            }
            events = new RaceSimulator(config);
            Log.info("simulated race: %d cars, %s, seed %d", config.cars(), RaceTime.formatHms(config.duration().toMillis()), seed);
        } else {
            RaceFeed feed = RaceFeed.read(analysis, raceControl, durationMs);
            sessionId = feed.sessionId();
            events = feed.events().iterator();
        }

        try (Pipeline pipeline = Pipeline.start();
             ScratchDir stateDir = ScratchDir.create("timing-demo-state")) {
            StackEndpoints endpoints = pipeline.endpoints();
            try (StandingsService service = StandingsService.launch(endpoints.bootstrapServers(), endpoints.schemaRegistryUrl(),
                         StandingsService.Options.defaults(APPLICATION_ID, stateDir.path()));
                 StandingsHttp http = StandingsHttp.start(service, endpoints.bootstrapServers(), endpoints.schemaRegistryUrl(),
                         StandingsHttp.Settings.onPort(port).onHost(bind));
                 StandingsLogger logger = StandingsLogger.start(endpoints.bootstrapServers(), pipeline.topics(), sessionId)) {
                service.awaitRunning();
                Log.info("demo running: session %s at %sx on Kafka %s, registry %s; Ctrl-C to stop", sessionId,
                        speed, endpoints.bootstrapServers(), endpoints.schemaRegistryUrl());
                String host = "0.0.0.0".equals(bind) || "::".equals(bind) ? "localhost" : bind;
                Log.info("live timing page: http://%s:%d/?session=%s  (API: http://%s:%d/sessions)",
                        host, http.port(), sessionId, host, http.port());
                Thread feeder = new Thread(() -> feed(pipeline, events), "demo-feed");
                feeder.setDaemon(true);
                feeder.start();
                TimingProcess.awaitCtrlC();
                long stopping = System.nanoTime();
                feeder.interrupt();
                feeder.join(2000);
                LOG.info("feed stopped in {} ms", (System.nanoTime() - stopping) / 1_000_000);
            }
        }
        return 0;
    }

    private void feed(Pipeline pipeline, Iterator<TimingEvent> events) {
        Pacer pacer = new Pacer(speed);
        EventPublisher publisher = new EventPublisher(pipeline.bootstrapServers(), pipeline.topics());
        try {
            while (events.hasNext()) {
                TimingEvent event = events.next();
                pacer.awaitSessionTime(event.getSessionTimeMs());
                publisher.publish(event);
            }
            publisher.flush();
            Log.info("replay finished: %d events published; Ctrl-C to stop", publisher.published());
        } catch (InterruptedException | InterruptException e) {
            // Ctrl-C
        } catch (RuntimeException e) {
            if (!TimingProcess.stopRequested()) {
                Log.info("feed stopped: %s; Ctrl-C to stop", e.getMessage());
            }
        } finally {
            TimingProcess.closeUninterrupted(publisher::close);
        }
    }
}
