package org.racetiming.standings.http;

import java.util.List;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.state.HostInfo;

/** Which instance of the standings service answers for a session, and which instances there are. */
public interface SessionOwners {

    /** This instance's {@code application.server}, or null for a lone instance that answers everything itself. */
    HostInfo self();

    /** Where a query about {@code sessionId} is answered; {@code forwarded} when another instance sent it here. */
    Route route(String sessionId, boolean forwarded);

    /** The instances of the application as this one sees them. */
    List<Instance> instances();

    /** One instance: where it listens and what it holds. */
    record Instance(HostInfo host, boolean self, Set<TopicPartition> activePartitions,
                    Set<TopicPartition> standbyPartitions, Set<String> stores) {
    }

    /** A lone instance without {@code application.server}: every query is answered here. */
    static SessionOwners single() {
        return new SessionOwners() {
            @Override
            public HostInfo self() {
                return null;
            }

            @Override
            public Route route(String sessionId, boolean forwarded) {
                return Route.LOCAL;
            }

            @Override
            public List<Instance> instances() {
                return List.of();
            }
        };
    }

    /** The instances of a running topology; {@code self} is its {@code application.server} (null if unset). */
    static SessionOwners of(KafkaStreams streams, HostInfo self) {
        return new StreamsSessionOwners(streams, self);
    }
}
