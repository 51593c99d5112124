package org.racetiming.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TimingStackTest {

    @Test
    void shouldUseExternalKafkaAndRegistryWithoutStartingAnythingWhenBothAreConfigured() {
        try (TimingStack stack = TimingStack.start(Map.of(
                TimingStack.BOOTSTRAP_ENV, "kafka-1:9092,kafka-2:9092",
                TimingStack.REGISTRY_ENV, "http://registry:8081/"))) {

            assertThat(stack.endpoints()).isEqualTo(new StackEndpoints("kafka-1:9092,kafka-2:9092", "http://registry:8081"));
            assertThat(stack.embedded()).isFalse();
            assertThat(stack.brokerEmbedded()).isFalse();
            assertThat(stack.registryEmbedded()).isFalse();
        }
    }

    @Test
    void shouldCloseAnExternalStackMoreThanOnceWithoutError() {
        TimingStack stack = TimingStack.start(Map.of(
                TimingStack.BOOTSTRAP_ENV, "kafka:9092", TimingStack.REGISTRY_ENV, "http://registry:8081"));

        stack.close();
        stack.close();

        assertThat(stack.endpoints().bootstrapServers()).isEqualTo("kafka:9092");
    }
}
