package org.racetiming.standings.topology;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.racetiming.event.TimingEvent;

/**
 * The applied events of each session, in the order they were applied: the durable state the
 * live standings are rebuilt from after a restart, and what time travel replays.
 *
 * <p>Key: session id length, session id, then an 8-byte big-endian sequence number, so one
 * session's events are a contiguous, ordered key range.
 */
public final class SessionEventLog {

    private static final AvroBinaryCodec<TimingEvent> CODEC = new AvroBinaryCodec<>(TimingEvent.class);

    private SessionEventLog() {
    }

    public static Bytes key(String sessionId, long seq) {
        byte[] id = sessionId.getBytes(StandardCharsets.UTF_8);
        return Bytes.wrap(ByteBuffer.allocate(4 + id.length + 8).putInt(id.length).put(id).putLong(seq).array());
    }

    public static byte[] encode(TimingEvent event) {
        return CODEC.encode(event);
    }

    /**
     * Feeds the session's stored events, in order, to {@code sink}, starting at sequence {@code fromSeq}.
     *
     * @return the sequence number the next event will get
     */
    public static long replay(ReadOnlyKeyValueStore<Bytes, byte[]> store, String sessionId, long fromSeq,
                              Consumer<TimingEvent> sink) {
        long next = fromSeq;
        try (KeyValueIterator<Bytes, byte[]> it = store.range(key(sessionId, fromSeq), key(sessionId, Long.MAX_VALUE))) {
            while (it.hasNext()) {
                KeyValue<Bytes, byte[]> entry = it.next();
                sink.accept(CODEC.decode(entry.value));
                next = ByteBuffer.wrap(entry.key.get(), entry.key.get().length - 8, 8).getLong() + 1;
            }
        }
        return next;
    }
}
