package org.racetiming.standings;

import org.racetiming.config.EnvironmentSettings;
import java.nio.file.Path;
import java.util.Map;
import org.racetiming.standings.http.StandingsHttp;

/**
 * How a deployed standings instance is configured, from its environment (see {@code docker-compose.yml}).
 *
 * @param applicationServer "host:port" by which the other instances reach this one; null for a lone instance
 */
public record StandingsAppConfig(String bootstrapServers, String schemaRegistryUrl, int httpPort,
                                 String applicationServer, Path stateDir, String applicationId,
                                 int topicPartitions, short topicReplication, int standbyReplicas, String httpHost) {

    public static final String BOOTSTRAP_ENV = "KAFKA_BOOTSTRAP_SERVERS";
    public static final String REGISTRY_ENV = "SCHEMA_REGISTRY_URL";
    public static final String HTTP_PORT_ENV = "HTTP_PORT";
    /** The address to listen on (e.g. 127.0.0.1); unset: every interface, as a container needs. */
    public static final String HTTP_HOST_ENV = "HTTP_HOST";
    public static final String APPLICATION_SERVER_ENV = "APPLICATION_SERVER";
    public static final String STATE_DIR_ENV = "STATE_DIR";
    public static final String APPLICATION_ID_ENV = "APPLICATION_ID";
    public static final String PARTITIONS_ENV = "TOPIC_PARTITIONS";
    public static final String REPLICATION_ENV = "TOPIC_REPLICATION";
    /** Warm copies of each session's state on other instances; 1 makes a takeover a matter of seconds. */
    public static final String STANDBY_REPLICAS_ENV = "STANDBY_REPLICAS";

    /** Reads the environment; anything malformed is an IllegalArgumentException naming the variable. */
    public static StandingsAppConfig fromEnv(Map<String, String> env) {
        EnvironmentSettings settings = new EnvironmentSettings(env);
        String applicationServer = settings.text(APPLICATION_SERVER_ENV, null);
        if (applicationServer != null && !applicationServer.matches("[^:/\\s]+:\\d{1,5}")) {
            throw new IllegalArgumentException(APPLICATION_SERVER_ENV + " must be host:port (as the other instances reach this one), not '"
                    + applicationServer + "'");
        }
        int partitions = (int) settings.number(PARTITIONS_ENV, 1, 1, 10_000);
        int replication = (int) settings.number(REPLICATION_ENV, 1, 1, Short.MAX_VALUE);
        return new StandingsAppConfig(
                settings.text(BOOTSTRAP_ENV, "localhost:9092"),
                settings.text(REGISTRY_ENV, "http://localhost:8081"),
                (int) settings.number(HTTP_PORT_ENV, StandingsHttp.DEFAULT_PORT, 0, 65_535),
                applicationServer,
                Path.of(settings.text(STATE_DIR_ENV, Path.of(System.getProperty("java.io.tmpdir"), "standings-stream").toString())),
                settings.text(APPLICATION_ID_ENV, "standings-stream"),
                partitions,
                (short) replication,
                (int) settings.number(STANDBY_REPLICAS_ENV, 1, 0, 10),
                settings.text(HTTP_HOST_ENV, null));
    }
}
