package org.racetiming.standings.topology;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Set;
import java.util.TreeSet;
import java.util.List;
import java.util.function.Consumer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.racetiming.event.TimingEvent;
import org.racetiming.timeline.SessionOrder;

/**
 * The events each session holds (accepted, not repeated), in the order they arrived: the durable state a session
 * is rebuilt from after a restart or a rebalance ({@link org.racetiming.standings.rules.EventTimeline} orders them),
 * and what time travel reads.
 *
 * <p>Key: session id length, session id, the event's session time and an arrival sequence number (8 bytes each,
 * big-endian), so one session's events are a contiguous key range, roughly in session-time order. A finished
 * session is archived: its events compressed into a few chunks under {@link #ARCHIVE_TIME}, chunk index as sequence.
 */
public final class SessionEventLog {

    private static final AvroBinaryCodec<TimingEvent> CODEC = new AvroBinaryCodec<>(TimingEvent.class);

    private SessionEventLog() {
    }

    public static Bytes key(String sessionId, long sessionTimeMs, long seq) {
        byte[] id = sessionId.getBytes(StandardCharsets.UTF_8);
        return Bytes.wrap(ByteBuffer.allocate(4 + id.length + 16).putInt(id.length).put(id)
                .putLong(sessionTimeMs).putLong(seq).array());
    }

    /** The session time under which an archived session's chunks are kept: after every event of the session. */
    static final long ARCHIVE_TIME = Long.MAX_VALUE - 1;

    private static Bytes first(String sessionId) {
        return key(sessionId, 0, 0);
    }

    private static Bytes last(String sessionId) {
        return key(sessionId, Long.MAX_VALUE, Long.MAX_VALUE);
    }

    public static byte[] encode(TimingEvent event) {
        return CODEC.encode(event);
    }

    /**
     * Feeds the session's stored events to {@code sink}: those of its archive first (if it was archived), then those
     * kept one by one, in key order.
     *
     * @return the sequence number the next event of the session gets
     */
    public static long replay(ReadOnlyKeyValueStore<Bytes, byte[]> store, String sessionId, Consumer<TimingEvent> sink) {
        long next = 0;
        ByteArrayOutputStream archive = new ByteArrayOutputStream();
        List<TimingEvent> single = new ArrayList<>();
        try (KeyValueIterator<Bytes, byte[]> it = store.range(first(sessionId), last(sessionId))) {
            while (it.hasNext()) {
                KeyValue<Bytes, byte[]> entry = it.next();
                ByteBuffer key = ByteBuffer.wrap(entry.key.get());
                long time = key.getLong(key.capacity() - 16);
                if (time == ARCHIVE_TIME) {
                    archive.writeBytes(entry.value);
                } else {
                    single.add(CODEC.decode(entry.value));
                    next = Math.max(next, key.getLong(key.capacity() - 8) + 1);
                }
            }
        }
        if (archive.size() > 0) {
            SessionArchive.decode(archive.toByteArray()).forEach(sink);
        }
        single.forEach(sink);
        return next;
    }

    /**
     * Replaces the session's events in the store with one archive: the events, compressed, in a few chunks under the
     * session's own keys, and a tombstone for every event key. A finished session then costs its changelog (and a
     * restore) a few records instead of one per event; time travel reads it back with {@link #replay}.
     *
     * @return the number of chunks written
     */
    public static int archive(KeyValueStore<Bytes, byte[]> store, String sessionId, List<TimingEvent> events) {
        List<Bytes> old = new ArrayList<>();
        try (KeyValueIterator<Bytes, byte[]> it = store.range(first(sessionId), last(sessionId))) {
            it.forEachRemaining(entry -> old.add(entry.key));
        }
        old.forEach(store::delete);
        List<byte[]> chunks = SessionArchive.encode(events);
        for (int i = 0; i < chunks.size(); i++) {
            store.put(key(sessionId, ARCHIVE_TIME, i), chunks.get(i));
        }
        return chunks.size();
    }

    /** The session's stored events in {@link SessionOrder}: what a session is rebuilt from. */
    public static List<TimingEvent> inSessionOrder(ReadOnlyKeyValueStore<Bytes, byte[]> store, String sessionId) {
        List<TimingEvent> events = new ArrayList<>();
        replay(store, sessionId, events::add);
        events.sort(SessionOrder.ORDER);
        return events;
    }

    /**
     * The ids of the sessions in the store, sorted. Probes key ranges rather than reading every event: each probe
     * finds one session and splits the range around it, so the cost grows with the number of sessions, not events.
     * Correct also over a store that spans partitions (whose ranges are not globally ordered): every probe
     * bounds every partition the same way.
     */
    public static Set<String> sessionIds(ReadOnlyKeyValueStore<Bytes, byte[]> store) {
        Set<String> found = new TreeSet<>();
        Deque<Bytes[]> ranges = new ArrayDeque<>();
        ranges.push(new Bytes[] {null, null});
        while (!ranges.isEmpty()) {
            Bytes[] range = ranges.pop();
            String session = firstNewSession(store, range[0], range[1], found);
            if (session != null) {
                found.add(session);
                ranges.push(new Bytes[] {range[0], first(session)});
                ranges.push(new Bytes[] {last(session), range[1]});
            }
        }
        return found;
    }

    /** The first session in [from, to] not found yet; a bound itself belongs to a found session and is skipped. */
    private static String firstNewSession(ReadOnlyKeyValueStore<Bytes, byte[]> store, Bytes from, Bytes to, Set<String> found) {
        try (KeyValueIterator<Bytes, byte[]> it = store.range(from, to)) {
            while (it.hasNext()) {
                String session = sessionOf(it.next().key);
                if (!found.contains(session)) {
                    return session;
                }
            }
        }
        return null;
    }

    private static String sessionOf(Bytes key) {
        ByteBuffer buffer = ByteBuffer.wrap(key.get());
        int length = buffer.getInt();
        return new String(key.get(), 4, length, StandardCharsets.UTF_8);
    }
}
