package org.racetiming.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;

class TimingStackIT {

    @Test
    void shouldStartAnEmbeddedBrokerAndRegistryWhenNothingIsConfiguredAndStopThemOnClose() throws Exception {
        TimingStack stack = TimingStack.start(Map.of(TimingStack.BOOTSTRAP_ENV, " ", TimingStack.REGISTRY_ENV, ""));
        StackEndpoints endpoints = stack.endpoints();
        try {
            assertThat(stack.embedded()).isTrue();
            assertThat(stack.brokerEmbedded()).isTrue();
            assertThat(stack.registryEmbedded()).isTrue();
            assertThat(clusterNodes(endpoints.bootstrapServers())).isEqualTo(1);
            assertThat(Registry.get(endpoints.schemaRegistryUrl() + "/subjects").statusCode()).isEqualTo(200);
        } finally {
            stack.close();
        }

        assertThat(Probes.accepts(endpoints.schemaRegistryUrl())).isFalse();
        assertThat(Probes.accepts(endpoints.bootstrapServers())).isFalse();
        stack.close();
    }

    @Test
    void shouldStartOnlyABrokerWhenOnlyTheRegistryIsExternal() throws Exception {
        try (TimingStack stack = TimingStack.start(Map.of(TimingStack.REGISTRY_ENV, "http://registry.example:8081/apis/ccompat/v7"))) {

            assertThat(stack.brokerEmbedded()).isTrue();
            assertThat(stack.registryEmbedded()).isFalse();
            assertThat(stack.endpoints().schemaRegistryUrl()).isEqualTo("http://registry.example:8081/apis/ccompat/v7");
            assertThat(clusterNodes(stack.endpoints().bootstrapServers())).isEqualTo(1);
        }
    }

    private static int clusterNodes(String bootstrapServers) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            return admin.describeCluster().nodes().get(10, TimeUnit.SECONDS).size();
        }
    }
}
