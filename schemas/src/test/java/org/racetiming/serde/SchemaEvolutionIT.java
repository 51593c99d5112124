package org.racetiming.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.racetiming.serde.SampleEvents.lap;
import static org.racetiming.serde.SampleEvents.uniqueTopic;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.racetiming.embedded.StackEndpoints;
import org.racetiming.embedded.junit.WithKafkaStack;
import org.racetiming.event.TimingEvent;

/**
 * Schema evolution against the real registry under BACKWARD compatibility: consumers upgrade first,
 * so a new schema must read everything written with the previous one.
 */
@WithKafkaStack
class SchemaEvolutionIT {

    private static final String NEW_FIELD = "marshalPost";

    private SchemaRegistryClient registry;
    private AvroSerde<TimingEvent> serde;
    private String topic;
    private String subject;

    @BeforeEach
    void writeWithTheCurrentSchema(StackEndpoints stack) {
        registry = new SchemaRegistryClient(stack.schemaRegistryUrl());
        serde = new AvroSerde<>(registry, TimingEvent.class, false);
        topic = uniqueTopic("evolution");
        subject = serde.subject(topic);
        serde.serializer().serialize(topic, lap("s1", "7", 1, 1000L));
        registry.setCompatibility(subject, "BACKWARD");
    }

    @AfterEach
    void disconnect() {
        registry.close();
    }

    @Test
    void shouldAcceptANewFieldWithADefaultAndStillReadOldData() throws IOException {
        TimingEvent old = lap("s1", "7", 2, 211_000L);
        byte[] oldBytes = serde.serializer().serialize(topic, old);
        Schema evolved = timingEventWithNewField("{\"type\": \"string\", \"default\": \"unknown\"}");

        assertThat(registry.testCompatibility(subject, evolved)).isTrue();
        int evolvedId = registry.register(subject, evolved);

        assertThat(registry.versions(subject)).containsExactly(1, 2);
        assertThat(evolvedId).isNotEqualTo(ConfluentWireFormat.schemaId(oldBytes));
        // A consumer on the new schema reads old data, with the default for the new field.
        GenericRecord oldReadAsNew = readGeneric(oldBytes, evolved);
        assertThat(oldReadAsNew.get(NEW_FIELD)).hasToString("unknown");
        assertThat(oldReadAsNew.get("eventId")).hasToString(old.getEventId());
        // The serde on the class still reads old data...
        assertThat(serde.deserializer().deserialize(topic, oldBytes)).isEqualTo(old);
        // ...and data written with the new schema, dropping the field it does not know.
        oldReadAsNew.put(NEW_FIELD, "post 112");
        byte[] newBytes = writeGeneric(evolvedId, evolved, oldReadAsNew);
        assertThat(serde.deserializer().deserialize(topic, newBytes)).isEqualTo(old);
    }

    @Test
    void shouldRefuseANewFieldWithoutADefaultSayingItIsIncompatible() {
        Schema incompatible = timingEventWithNewField("\"string\"");

        assertThat(registry.testCompatibility(subject, incompatible)).isFalse();
        assertThatThrownBy(() -> registry.register(subject, incompatible))
                .isInstanceOf(SchemaRegistryException.class)
                .hasMessageContaining("Schema registry refused schema for subject " + subject)
                .hasMessageContaining("incompatible with an earlier version (409)")
                .satisfies(e -> assertThat(((SchemaRegistryException) e).isIncompatibleSchema()).isTrue());
        assertThat(registry.versions(subject)).containsExactly(1);
    }

    @Test
    void shouldAcceptAnySchemaForASubjectWithoutVersions() {
        Schema incompatible = timingEventWithNewField("\"string\"");

        assertThat(registry.testCompatibility(uniqueTopic("no-such-subject") + "-value", incompatible)).isTrue();
    }

    private static Schema timingEventWithNewField(String typeAndDefault) {
        try {
            ObjectMapper json = new ObjectMapper();
            ObjectNode schema = (ObjectNode) json.readTree(TimingEvent.getClassSchema().toString());
            ObjectNode field = (ObjectNode) json.readTree("{\"name\": \"" + NEW_FIELD + "\", \"type\": " + typeAndDefault + "}");
            if (field.get("type").has("default")) {
                // Avro puts the default on the field, not on its type.
                field.set("default", ((ObjectNode) field.get("type")).remove("default"));
                field.set("type", field.get("type").get("type"));
            }
            ((ArrayNode) schema.get("fields")).add(field);
            return new Schema.Parser().parse(json.writeValueAsString(schema));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private GenericRecord readGeneric(byte[] framed, Schema readerSchema) throws IOException {
        Schema writerSchema = registry.schemaById(ConfluentWireFormat.schemaId(framed));
        ByteBuffer avro = ConfluentWireFormat.avroBinary(framed);
        return new GenericDatumReader<GenericRecord>(writerSchema, readerSchema)
                .read(null, DecoderFactory.get().binaryDecoder(avro.array(), avro.arrayOffset(), avro.remaining(), null));
    }

    private static byte[] writeGeneric(int schemaId, Schema schema, GenericRecord record) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ConfluentWireFormat.writeHeader(out, schemaId);
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new GenericDatumWriter<GenericRecord>(schema).write(record, encoder);
        encoder.flush();
        return out.toByteArray();
    }
}
