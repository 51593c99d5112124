package org.racetiming.standings.http;

import java.util.Comparator;
import java.util.List;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.state.HostInfo;
import org.racetiming.standings.query.StandingsQueries;

/** Session owners from Kafka Streams' own metadata: the partition of the session's key, and who holds it. */
final class StreamsSessionOwners implements SessionOwners {

    private final KafkaStreams streams;
    private final HostInfo self;

    StreamsSessionOwners(KafkaStreams streams, HostInfo self) {
        this.streams = streams;
        this.self = self;
    }

    @Override
    public HostInfo self() {
        return self;
    }

    @Override
    public Route route(String sessionId, boolean forwarded) {
        if (self == null || forwarded) {
            return Route.LOCAL;
        }
        KeyQueryMetadata owner;
        try {
            owner = StandingsQueries.owner(streams, sessionId);
        } catch (RuntimeException e) {
            // Not running yet, or shutting down: no owner can be named.
            owner = KeyQueryMetadata.NOT_AVAILABLE;
        }
        return Route.decide(self, owner, false);
    }

    @Override
    public List<Instance> instances() {
        if (self == null) {
            return List.of();
        }
        return streams.metadataForAllStreamsClients().stream()
                .map(this::instance)
                .sorted(Comparator.comparing((Instance i) -> i.host().host()).thenComparingInt(i -> i.host().port()))
                .toList();
    }

    private Instance instance(StreamsMetadata metadata) {
        return new Instance(metadata.hostInfo(), metadata.hostInfo().equals(self), metadata.topicPartitions(),
                metadata.standbyTopicPartitions(), metadata.stateStoreNames());
    }
}
