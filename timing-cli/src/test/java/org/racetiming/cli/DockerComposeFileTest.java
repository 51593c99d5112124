package org.racetiming.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.racetiming.ingest.IngestConfig;
import org.racetiming.standings.StandingsAppConfig;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * {@code docker-compose.yml} checked without a Docker engine: against the Compose Specification's JSON schema (a
 * copy in test resources, see its README), and for what the deployment needs — health checks, restart policies,
 * state volumes, a listener the host can reach, and only variables the services actually read.
 */
class DockerComposeFileTest {

    private static final Path COMPOSE_FILE = Path.of("..", "docker-compose.yml");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static String text;
    private static JsonNode compose;
    private static JsonSchema schema;

    @BeforeAll
    static void read() throws Exception {
        text = Files.readString(COMPOSE_FILE);
        // SnakeYAML's own loader resolves the `<<:` merge keys, as Compose does.
        Object yaml = new Yaml(new LoaderOptions()).load(text);
        compose = JSON.valueToTree(yaml);
        // Loaded by location: the schema's relative $id needs a base to resolve against.
        schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7)
                .getSchema(SchemaLocation.of("classpath:compose-spec/compose-spec.json"));
    }

    @Test
    void shouldFollowTheComposeSpecification() {
        Set<ValidationMessage> problems = schema.validate(compose);

        assertThat(problems).isEmpty();
    }

    @Test
    void shouldFindAServiceThatBreaksTheSpecification() {
        ObjectNode broken = compose.deepCopy();
        ((ObjectNode) broken.path("services").path("standings-1")).put("restart_policy", "always");
        ((ObjectNode) broken.path("services").path("kafka-1")).put("ports", 19092);

        assertThat(schema.validate(broken)).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void shouldGiveEveryServiceAHealthCheckAndARestartPolicy() {
        compose.path("services").properties().forEach(service -> {
            assertThat(service.getValue().path("healthcheck").path("test").isArray()).as(service.getKey() + " healthcheck").isTrue();
            assertThat(service.getValue().path("restart").asText()).as(service.getKey() + " restart").isNotBlank();
        });
    }

    @Test
    void shouldStartTheServicesOnlyOnceKafkaAndTheRegistryAreHealthy() {
        for (String service : List.of("standings-1", "standings-2", "ingest")) {
            JsonNode dependsOn = compose.path("services").path(service).path("depends_on");
            for (String dependency : List.of("kafka-1", "kafka-2", "kafka-3", "schema-registry")) {
                assertThat(dependsOn.path(dependency).path("condition").asText()).as(service + " on " + dependency)
                        .isEqualTo("service_healthy");
            }
        }
    }

    @Test
    void shouldKeepTheStateOfBrokersAndStandingsInVolumes() {
        for (String service : List.of("kafka-1", "kafka-2", "kafka-3", "standings-1", "standings-2")) {
            List<String> mounts = new ArrayList<>();
            compose.path("services").path(service).path("volumes").forEach(v -> mounts.add(v.asText()));
            String volume = service + (service.startsWith("kafka") ? "-data" : "-state");
            assertThat(mounts).as(service).anyMatch(m -> m.startsWith(volume + ":"));
            assertThat(compose.path("volumes").has(volume)).as(volume).isTrue();
        }
        assertThat(compose.path("services").path("standings-1").path("environment").path(StandingsAppConfig.STATE_DIR_ENV).asText())
                .isEqualTo("/var/lib/standings");
    }

    @Test
    void shouldAdvertiseAListenerTheHostCanReachOnEachPublishedPort() {
        for (int broker = 1; broker <= 3; broker++) {
            JsonNode kafka = compose.path("services").path("kafka-" + broker);
            String published = kafka.path("ports").get(0).asText().split(":")[0];
            assertThat(kafka.path("environment").path("KAFKA_ADVERTISED_LISTENERS").asText())
                    .contains("HOST://localhost:" + published);
        }
    }

    @Test
    void shouldRunTwoStandingsInstancesWithStandbyReplicas() {
        for (String service : List.of("standings-1", "standings-2")) {
            JsonNode env = compose.path("services").path(service).path("environment");
            assertThat(env.path(StandingsAppConfig.STANDBY_REPLICAS_ENV).asText()).isEqualTo("1");
            assertThat(env.path(StandingsAppConfig.APPLICATION_SERVER_ENV).asText()).isEqualTo(service + ":8080");
        }
    }

    @Test
    void shouldRequireTheIngestTokenOfTheIngestServiceOnly() throws Exception {
        // ${VAR:?message} aborts `docker compose up` for every service when VAR is unset.
        assertThat(JSON.writeValueAsString(compose)).doesNotContain(":?");
        assertThat(compose.path("services").path("ingest").path("environment").path(IngestConfig.TOKEN_ENV).asText())
                .isEqualTo("${INGEST_TOKEN:-}");
    }

    @Test
    void shouldSetOnlyVariablesTheServicesRead() throws Exception {
        Set<String> standings = variables(StandingsAppConfig.class);
        Set<String> ingest = variables(IngestConfig.class);
        for (String service : List.of("standings-1", "standings-2")) {
            compose.path("services").path(service).path("environment").fieldNames()
                    .forEachRemaining(name -> assertThat(standings).as(service).contains(name));
        }
        compose.path("services").path("ingest").path("environment").fieldNames()
                .forEachRemaining(name -> assertThat(ingest).as("ingest").contains(name));
    }

    /** The values of a configuration class's {@code *_ENV} constants: the variables it reads. */
    private static Set<String> variables(Class<?> config) throws IllegalAccessException {
        Set<String> names = new HashSet<>();
        for (Field field : config.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getName().endsWith("_ENV") && field.getType() == String.class) {
                names.add((String) field.get(null));
            }
        }
        return names;
    }
}
