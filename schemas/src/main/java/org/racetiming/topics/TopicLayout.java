package org.racetiming.topics;

import java.util.Optional;

/**
 * Partitions and replication for the topics {@link Topics#ensureTopics(org.apache.kafka.clients.admin.Admin, TopicLayout)}
 * creates: given (a deployment that knows its cluster), or the cluster's own defaults ({@code num.partitions},
 * {@code default.replication.factor}; a tool run against someone's cluster must not impose replication 1).
 */
public record TopicLayout(Optional<Integer> partitions, Optional<Short> replication) {

    public TopicLayout {
        if (partitions.orElse(1) < 1 || replication.orElse((short) 1) < 1) {
            throw new IllegalArgumentException("partitions and replication must be at least 1, were "
                    + partitions.orElse(null) + " and " + replication.orElse(null));
        }
    }

    public static TopicLayout of(int partitions, short replication) {
        return new TopicLayout(Optional.of(partitions), Optional.of(replication));
    }

    public static TopicLayout clusterDefaults() {
        return new TopicLayout(Optional.empty(), Optional.empty());
    }
}
