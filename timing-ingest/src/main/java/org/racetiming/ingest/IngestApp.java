package org.racetiming.ingest;

import java.util.Map;
import org.racetiming.ingest.publish.EventPublisher.PublishException;

/**
 * The ingest service for deployment: configured by environment variables ({@link IngestConfig}),
 * runs the HTTP ingest API until SIGTERM, then stops taking requests and flushes what was accepted.
 * Exits 2 on bad configuration (no token and not open, malformed values) and 1 when Kafka or the
 * registry cannot be reached after bounded tries, each with one clear line on stderr.
 */
public final class IngestApp {

    static final int EXIT_CONFIG = 2;
    static final int EXIT_UNREACHABLE = 1;

    private IngestApp() {
    }

    public static void main(String[] args) {
        Integer failure = start(System.getenv());
        if (failure != null) {
            System.exit(failure);
        }
        // Jetty's threads keep the JVM running; the shutdown hook stops the service.
    }

    /** Starts the service and its shutdown hook; returns an exit code if it could not start, else null. */
    static Integer start(Map<String, String> env) {
        IngestConfig config;
        try {
            config = IngestConfig.fromEnv(env);
        } catch (IllegalArgumentException | IllegalStateException e) {
            System.err.println("ingest: " + e.getMessage());
            return EXIT_CONFIG;
        }
        IngestService service;
        try {
            service = IngestService.start(config);
        } catch (PublishException e) {
            System.err.println("ingest: " + e.getMessage());
            return EXIT_UNREACHABLE;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(service::close, "ingest-shutdown"));
        System.err.println("ingest: listening on port " + service.port() + ", publishing to Kafka at " + config.bootstrapServers());
        return null;
    }
}
