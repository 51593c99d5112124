package org.racetiming.serde;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.junit.jupiter.api.Test;
import org.racetiming.output.NotableEvent;

/**
 * The notable-events topic gained {@code withdrawn}: records written before it must still be read (as not withdrawn),
 * and a reader of the first version must read the new records, whichever side upgrades first.
 */
class NotableEventEvolutionTest {

    private static Schema first() throws IOException {
        try (InputStream in = NotableEventEvolutionTest.class.getResourceAsStream("/previous/NotableEvent-1.avsc")) {
            return new Schema.Parser().parse(in);
        }
    }

    @Test
    void shouldBeCompatibleBothWaysWithTheFirstVersion() throws IOException {
        Schema first = first();
        Schema now = NotableEvent.getClassSchema();

        assertThat(SchemaCompatibility.checkReaderWriterCompatibility(now, first).getType())
                .isEqualTo(SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE);
        assertThat(SchemaCompatibility.checkReaderWriterCompatibility(first, now).getType())
                .isEqualTo(SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE);
    }

    @Test
    void shouldReadARecordOfTheFirstVersionAsNotWithdrawn() throws IOException {
        Schema first = first();
        GenericRecord old = new GenericData.Record(first);
        old.put("sessionId", "s");
        old.put("id", "1/LEAD_CHANGE/8/0");
        old.put("atMs", 1L);
        old.put("kind", "LEAD_CHANGE");
        old.put("text", "#8 takes the lead");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(bytes, null);
        new GenericDatumWriter<GenericRecord>(first).write(old, encoder);
        encoder.flush();

        NotableEvent read = new SpecificDatumReader<NotableEvent>(first, NotableEvent.getClassSchema())
                .read(null, DecoderFactory.get().binaryDecoder(bytes.toByteArray(), null));

        assertThat(read.getKind()).isEqualTo("LEAD_CHANGE");
        assertThat(read.getWithdrawn()).isFalse();
    }
}
