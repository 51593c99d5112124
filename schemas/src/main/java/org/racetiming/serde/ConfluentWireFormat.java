package org.racetiming.serde;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.HexFormat;
import org.apache.kafka.common.errors.SerializationException;

/**
 * The Confluent wire format: magic byte {@code 0}, the writer schema's registry id as a 4-byte
 * big-endian int, then the Avro binary encoding. Any Confluent-API client reads and writes it.
 */
public final class ConfluentWireFormat {

    public static final byte MAGIC_BYTE = 0x0;
    /** Magic byte plus schema id. */
    public static final int HEADER_LENGTH = 5;

    private ConfluentWireFormat() {
    }

    /** Writes the magic byte and the schema id; the Avro binary follows. */
    public static void writeHeader(ByteArrayOutputStream out, int schemaId) {
        out.write(MAGIC_BYTE);
        out.write(schemaId >>> 24);
        out.write(schemaId >>> 16);
        out.write(schemaId >>> 8);
        out.write(schemaId);
    }

    /** Frames an already encoded Avro binary. */
    public static byte[] frame(int schemaId, byte[] avroBinary) {
        return ByteBuffer.allocate(HEADER_LENGTH + avroBinary.length)
                .put(MAGIC_BYTE)
                .putInt(schemaId)
                .put(avroBinary)
                .array();
    }

    /**
     * The writer schema id of framed bytes.
     *
     * @throws SerializationException if the bytes are too short or do not start with the magic byte
     */
    public static int schemaId(byte[] framed) {
        if (framed == null) {
            throw new SerializationException("No bytes to read: null is not Confluent wire format");
        }
        if (framed.length < HEADER_LENGTH) {
            throw new SerializationException("Truncated Confluent wire format: " + framed.length
                    + " byte(s) (" + hex(framed, framed.length) + "), need at least " + HEADER_LENGTH
                    + " (magic byte 0x00 and a 4-byte schema id)");
        }
        if (framed[0] != MAGIC_BYTE) {
            throw new SerializationException(String.format(java.util.Locale.ROOT,
                    "Unknown magic byte 0x%02x: not Confluent wire format (expected 0x00 and a 4-byte schema id;"
                            + " first bytes %s). Was this written by another serializer, e.g. plain JSON or String?",
                    framed[0] & 0xff, hex(framed, 16)));
        }
        return ByteBuffer.wrap(framed, 1, 4).getInt();
    }

    /** The Avro binary after the header: a view of the same array (no copy), position 0. */
    public static ByteBuffer avroBinary(byte[] framed) {
        schemaId(framed);
        return ByteBuffer.wrap(framed, HEADER_LENGTH, framed.length - HEADER_LENGTH).slice();
    }

    static String hex(byte[] bytes, int max) {
        int n = Math.min(max, bytes.length);
        String shown = HexFormat.ofDelimiter(" ").formatHex(bytes, 0, n);
        return n < bytes.length ? shown + " ..." : shown;
    }
}
