package org.racetiming.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class ConfluentWireFormatTest {

    @Test
    void shouldFrameAvroWithMagicByteAndBigEndianSchemaId() {
        byte[] framed = ConfluentWireFormat.frame(0x01020304, new byte[] {42, 43});

        assertThat(framed).containsExactly(0, 1, 2, 3, 4, 42, 43);
    }

    @Test
    void shouldReadBackSchemaIdAndAvroBinaryOfFramedBytes() {
        byte[] avro = {10, 20, 30};
        byte[] framed = ConfluentWireFormat.frame(123_456, avro);

        assertThat(ConfluentWireFormat.schemaId(framed)).isEqualTo(123_456);
        ByteBuffer payload = ConfluentWireFormat.avroBinary(framed);
        byte[] read = new byte[payload.remaining()];
        payload.get(read);
        assertThat(read).containsExactly(avro);
    }

    @Test
    void shouldWriteTheSameHeaderToAStreamAsFrameDoes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ConfluentWireFormat.writeHeader(out, Integer.MAX_VALUE);
        out.writeBytes(new byte[] {7});

        assertThat(out.toByteArray()).containsExactly(ConfluentWireFormat.frame(Integer.MAX_VALUE, new byte[] {7}));
    }

    @Test
    void shouldAcceptAHeaderWithAnEmptyAvroBody() {
        // A record with no fields encodes to zero bytes.
        byte[] framed = ConfluentWireFormat.frame(9, new byte[0]);

        assertThat(ConfluentWireFormat.schemaId(framed)).isEqualTo(9);
        assertThat(ConfluentWireFormat.avroBinary(framed).remaining()).isZero();
    }

    @Test
    void shouldRefuseWrongMagicByteWithAClearMessage() {
        byte[] json = "{\"sessionId\":\"x\"}".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> ConfluentWireFormat.schemaId(json))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("Unknown magic byte 0x7b")
                .hasMessageContaining("not Confluent wire format")
                .hasMessageContaining("7b 22 73");
    }

    @Test
    void shouldRefuseAPayloadTooShortForTheHeader() {
        byte[] truncated = {0, 0, 0};

        assertThatThrownBy(() -> ConfluentWireFormat.schemaId(truncated))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("Truncated Confluent wire format: 3 byte(s)")
                .hasMessageContaining("need at least 5");
        assertThatThrownBy(() -> ConfluentWireFormat.avroBinary(truncated))
                .isInstanceOf(SerializationException.class);
    }

    @Test
    void shouldRefuseEmptyAndNullPayloads() {
        assertThatThrownBy(() -> ConfluentWireFormat.schemaId(new byte[0]))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("0 byte(s)");
        assertThatThrownBy(() -> ConfluentWireFormat.schemaId(null))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("null");
    }
}
