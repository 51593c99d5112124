package org.racetiming.standings.topology;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.racetiming.event.TimingEvent;

/**
 * A finished session's events as a few compressed chunks: each event's Avro binary with its length, gzipped, cut
 * into chunks that stay well below Kafka's default record size (the chunks go through the store's changelog).
 * A 24-hour race (~65,000 events) makes a few hundred kilobytes.
 */
final class SessionArchive {

    static final int CHUNK_BYTES = 256 * 1024;
    private static final AvroBinaryCodec<TimingEvent> CODEC = new AvroBinaryCodec<>(TimingEvent.class);

    private SessionArchive() {
    }

    static List<byte[]> encode(List<TimingEvent> events) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(new GZIPOutputStream(bytes))) {
            for (TimingEvent event : events) {
                byte[] encoded = CODEC.encode(event);
                out.writeInt(encoded.length);
                out.write(encoded);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot compress a session archive", e);
        }
        byte[] all = bytes.toByteArray();
        List<byte[]> chunks = new ArrayList<>();
        for (int from = 0; from < all.length; from += CHUNK_BYTES) {
            chunks.add(Arrays.copyOfRange(all, from, Math.min(all.length, from + CHUNK_BYTES)));
        }
        return chunks;
    }

    /** @param archive the chunks joined in order */
    static List<TimingEvent> decode(byte[] archive) {
        List<TimingEvent> events = new ArrayList<>();
        try (DataInputStream in = new DataInputStream(new GZIPInputStream(new ByteArrayInputStream(archive)))) {
            while (true) {
                int length;
                try {
                    length = in.readInt();
                } catch (EOFException end) {
                    return events;
                }
                events.add(CODEC.decode(in.readNBytes(length)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read a session archive", e);
        }
    }
}
