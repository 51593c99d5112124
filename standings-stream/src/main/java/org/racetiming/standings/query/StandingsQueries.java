package org.racetiming.standings.query;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.racetiming.standings.rules.RaceSession;
import org.racetiming.standings.topology.SessionEventLog;
import org.racetiming.standings.topology.StandingsTopology;

/**
 * Answers questions about sessions this instance owns, from the topology's event log: the same
 * events, replayed through the same rules, so a past moment is computed exactly as it was live.
 *
 * <p>"Now" is served from a replica per session that catches up with the log on each query
 * (only the new events are applied). A past session time is a fresh replay up to that time.
 */
public final class StandingsQueries {

    private final Supplier<ReadOnlyKeyValueStore<Bytes, byte[]>> eventLog;
    private final Map<String, Replica> replicas = new ConcurrentHashMap<>();

    /** @param eventLog the topology's session-events store (looked up per query: it moves on a rebalance) */
    public StandingsQueries(Supplier<ReadOnlyKeyValueStore<Bytes, byte[]>> eventLog) {
        this.eventLog = eventLog;
    }

    /** Queries over the local stores of a running topology. */
    public static StandingsQueries of(KafkaStreams streams) {
        return new StandingsQueries(() -> streams.store(StoreQueryParameters.fromNameAndType(
                StandingsTopology.SESSION_EVENTS_STORE, QueryableStoreTypes.<Bytes, byte[]>keyValueStore())));
    }

    /** Which instance owns the session (for routing a query to it): the partition of its key. */
    public static KeyQueryMetadata owner(KafkaStreams streams, String sessionId) {
        return streams.queryMetadataForKey(StandingsTopology.SESSION_EVENTS_STORE, sessionId, Serdes.String().serializer());
    }

    /**
     * The session as of session time {@code atMs}: every event at or before that time.
     * Empty when this instance holds no event of the session. The result is the caller's own.
     */
    public Optional<RaceSession> at(String sessionId, long atMs) {
        RaceSession race = new RaceSession(sessionId);
        long next = SessionEventLog.replay(store(), sessionId, 0, event -> {
            if (event.getSessionTimeMs() <= atMs) {
                race.apply(event);
            }
        });
        return next == 0 ? Optional.empty() : Optional.of(race);
    }

    /** Runs {@code query} on the session as it stands now; empty when this instance has no such session. */
    public <T> Optional<T> withSession(String sessionId, Function<RaceSession, T> query) {
        Replica replica = replicas.computeIfAbsent(sessionId, id -> new Replica(new RaceSession(id)));
        synchronized (replica) {
            replica.nextSeq = SessionEventLog.replay(store(), sessionId, replica.nextSeq, replica.race::apply);
            if (replica.nextSeq == 0) {
                replicas.remove(sessionId, replica);
                return Optional.empty();
            }
            return Optional.ofNullable(query.apply(replica.race));
        }
    }

    /** The sessions this instance holds events of. */
    public Set<String> sessionIds() {
        return SessionEventLog.sessionIds(store());
    }

    private ReadOnlyKeyValueStore<Bytes, byte[]> store() {
        return eventLog.get();
    }

    private static final class Replica {
        final RaceSession race;
        long nextSeq;

        Replica(RaceSession race) {
            this.race = race;
        }
    }
}
