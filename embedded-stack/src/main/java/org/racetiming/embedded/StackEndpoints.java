package org.racetiming.embedded;

import java.util.Objects;

/**
 * Connection facts for a running (embedded or external) stack.
 *
 * @param bootstrapServers  Kafka {@code bootstrap.servers}, e.g. {@code 127.0.0.1:9092}
 * @param schemaRegistryUrl Confluent-compatible registry base URL (no trailing slash),
 *                          e.g. {@code http://127.0.0.1:8081/apis/ccompat/v7}
 */
public record StackEndpoints(String bootstrapServers, String schemaRegistryUrl) {
    public StackEndpoints {
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        Objects.requireNonNull(schemaRegistryUrl, "schemaRegistryUrl");
    }
}
