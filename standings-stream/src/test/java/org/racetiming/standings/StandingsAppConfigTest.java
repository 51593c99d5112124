package org.racetiming.standings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StandingsAppConfigTest {

    @Test
    void shouldRunAsALoneInstanceOnLocalKafkaWithNoEnvironment() {
        StandingsAppConfig config = StandingsAppConfig.fromEnv(Map.of());

        assertThat(config.bootstrapServers()).isEqualTo("localhost:9092");
        assertThat(config.schemaRegistryUrl()).isEqualTo("http://localhost:8081");
        assertThat(config.httpPort()).isEqualTo(8080);
        assertThat(config.applicationServer()).isNull();
        assertThat(config.topicPartitions()).isEqualTo(1);
        assertThat(config.topicReplication()).isEqualTo((short) 1);
        assertThat(config.applicationId()).isEqualTo("standings-stream");
        assertThat(config.standbyReplicas()).isEqualTo(1);
        assertThat(config.httpHost()).as("every interface, as in a container").isNull();
        assertThat(StandingsAppConfig.fromEnv(Map.of("HTTP_HOST", "127.0.0.1")).httpHost()).isEqualTo("127.0.0.1");
    }

    @Test
    void shouldReadTheDeploymentOfTheComposeFile() {
        StandingsAppConfig config = StandingsAppConfig.fromEnv(Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", "kafka-1:9092,kafka-2:9092,kafka-3:9092",
                "SCHEMA_REGISTRY_URL", "http://schema-registry:8081",
                "HTTP_PORT", "8080",
                "APPLICATION_SERVER", "standings-2:8080",
                "STATE_DIR", "/var/lib/standings",
                "TOPIC_PARTITIONS", "6",
                "TOPIC_REPLICATION", "3",
                "STANDBY_REPLICAS", "2"));

        assertThat(config.bootstrapServers()).isEqualTo("kafka-1:9092,kafka-2:9092,kafka-3:9092");
        assertThat(config.applicationServer()).isEqualTo("standings-2:8080");
        assertThat(config.stateDir()).isEqualTo(Path.of("/var/lib/standings"));
        assertThat(config.topicPartitions()).isEqualTo(6);
        assertThat(config.topicReplication()).isEqualTo((short) 3);
        assertThat(config.standbyReplicas()).isEqualTo(2);
    }

    @Test
    void shouldNameTheVariableThatIsNotANumber() {
        assertThatThrownBy(() -> StandingsAppConfig.fromEnv(Map.of("HTTP_PORT", "eighty")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("HTTP_PORT").hasMessageContaining("eighty");
        assertThatThrownBy(() -> StandingsAppConfig.fromEnv(Map.of("TOPIC_PARTITIONS", "0")))
                .hasMessageContaining("TOPIC_PARTITIONS");
    }

    @Test
    void shouldRefuseAnApplicationServerWithoutAPort() {
        assertThatThrownBy(() -> StandingsAppConfig.fromEnv(Map.of("APPLICATION_SERVER", "standings-1")))
                .hasMessageContaining("host:port");
    }
}
