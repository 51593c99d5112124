package org.racetiming.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The apache/kafka image's mapping of KAFKA_* variables to server properties, as the node process applies it. */
class KafkaNodeAppTest {

    @Test
    void shouldMapVariablesAsTheImageDoes() {
        assertThat(KafkaNodeApp.propertyName("KAFKA_NODE_ID")).isEqualTo("node.id");
        assertThat(KafkaNodeApp.propertyName("KAFKA_CONTROLLER_QUORUM_VOTERS")).isEqualTo("controller.quorum.voters");
        assertThat(KafkaNodeApp.propertyName("KAFKA_LISTENER_NAME_HOST_SSL__KEYSTORE")).isEqualTo("listener.name.host.ssl_keystore");
        assertThat(KafkaNodeApp.propertyName("KAFKA_SOME___DASHED_NAME")).isEqualTo("some-dashed.name");
    }

    @Test
    void shouldTakeOnlyServerPropertiesFromTheEnvironment() {
        Properties properties = KafkaNodeApp.serverProperties(Map.of(
                "KAFKA_NODE_ID", "2", "KAFKA_PROCESS_ROLES", "broker,controller", "KAFKA_MIN_INSYNC_REPLICAS", "2",
                "KAFKA_HEAP_OPTS", "-Xmx1g", "KAFKA_BOOTSTRAP_SERVERS", "elsewhere:9092", "CLUSTER_ID", "abc", "PATH", "/bin"));

        assertThat(properties).containsOnly(Map.entry("node.id", "2"), Map.entry("process.roles", "broker,controller"),
                Map.entry("min.insync.replicas", "2"));
    }

    @Test
    void shouldRefuseANodeWithoutIdOrRolesOrClusterId() {
        assertThatThrownBy(() -> KafkaNodeApp.serverProperties(Map.of("KAFKA_PROCESS_ROLES", "broker")))
                .hasMessageContaining("KAFKA_NODE_ID");
        assertThatThrownBy(() -> KafkaNodeApp.clusterId(Map.of())).hasMessageContaining("CLUSTER_ID");
    }
}
