package org.racetiming.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class IngestAppTest {

    private static final Map<String, String> STACK = Map.of(
            IngestConfig.BOOTSTRAP_ENV, "kafka:9092", IngestConfig.REGISTRY_ENV, "http://registry:8081");

    private static Map<String, String> with(String name, String value) {
        Map<String, String> env = new java.util.HashMap<>(STACK);
        env.put(name, value);
        return env;
    }

    @Test
    void shouldRefuseToStartWithoutATokenBeforeConnectingToAnything() {
        assertThat(IngestApp.start(STACK)).isEqualTo(IngestApp.EXIT_CONFIG);
        assertThatThrownBy(() -> IngestConfig.fromEnv(STACK)).hasMessageContaining("refusing to start");
    }

    @Test
    void shouldRunOpenOnlyWhenAskedExplicitly() {
        assertThat(IngestConfig.fromEnv(with(IngestConfig.OPEN_ENV, "true")).http().authenticated()).isFalse();
        assertThatThrownBy(() -> IngestConfig.fromEnv(with(IngestConfig.OPEN_ENV, "maybe"))).hasMessageContaining("INGEST_OPEN");
    }

    @Test
    void shouldReadEverySettingFromTheEnvironment() {
        Map<String, String> env = new java.util.HashMap<>(STACK);
        env.put(IngestConfig.TOKEN_ENV, "t0ken");
        env.put(IngestConfig.PORT_ENV, "9191");
        env.put(IngestConfig.MAX_BODY_ENV, "2048");
        env.put(IngestConfig.PARTITIONS_ENV, "6");
        env.put(IngestConfig.REPLICATION_ENV, "3");
        env.put(IngestConfig.HOST_ENV, "127.0.0.1");

        IngestConfig config = IngestConfig.fromEnv(env);

        assertThat(config.bootstrapServers()).isEqualTo("kafka:9092");
        assertThat(config.schemaRegistryUrl()).isEqualTo("http://registry:8081");
        assertThat(config.http().port()).isEqualTo(9191);
        assertThat(config.http().token()).isEqualTo("t0ken");
        assertThat(config.http().maxBodyBytes()).isEqualTo(2048);
        assertThat(config.topicPartitions()).isEqualTo(6);
        assertThat(config.topicReplication()).isEqualTo((short) 3);
        assertThat(config.http().host()).isEqualTo("127.0.0.1");
        assertThat(IngestConfig.fromEnv(with(IngestConfig.OPEN_ENV, "true")).http().host())
                .as("unset: every interface, as in a container").isNull();
    }

    @Test
    void shouldNameTheVariableThatIsMissingOrMalformed() {
        assertThatThrownBy(() -> IngestConfig.fromEnv(Map.of(IngestConfig.REGISTRY_ENV, "http://r"))).hasMessageStartingWith("KAFKA_BOOTSTRAP_SERVERS");
        assertThatThrownBy(() -> IngestConfig.fromEnv(with(IngestConfig.PORT_ENV, "http"))).hasMessageStartingWith("INGEST_HTTP_PORT");
        assertThatThrownBy(() -> IngestConfig.fromEnv(with(IngestConfig.MAX_BODY_ENV, "0"))).hasMessageStartingWith("INGEST_MAX_BODY_BYTES");
    }
}
