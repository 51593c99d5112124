package org.racetiming.serde;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Kafka serde for a generated Avro class in the Confluent wire format, interchangeable with
 * Confluent's {@code KafkaAvroSerializer}/{@code SpecificAvroSerde} on the same registry.
 *
 * <p>Writing registers the class's schema under {@code <topic>-value} (or {@code <topic>-key}),
 * Confluent's default subject naming, once per topic. Reading fetches the writer's schema by the id in
 * the bytes and resolves it to the class's schema (fields added or removed with defaults are handled
 * as Avro schema resolution says); one reader per writer id is kept.
 *
 * <p>Bad bytes give a {@link SerializationException} naming the topic and schema id; registry trouble
 * gives a {@link SchemaRegistryException}. Thread-safe; closing it does not close the shared client.
 */
public final class AvroSerde<T extends SpecificRecord> implements Serde<T> {

    private final SchemaRegistryClient registry;
    private final Class<T> type;
    private final boolean isKey;
    private final Schema classSchema;
    private final SpecificData model;
    private final DatumWriter<T> writer;
    private final ConcurrentMap<String, Integer> idsByTopic = new ConcurrentHashMap<>();
    private final ConcurrentMap<Integer, DatumReader<T>> readersByWriterId = new ConcurrentHashMap<>();
    private final Serializer<T> serializer = this::serialize;
    private final Deserializer<T> deserializer = this::deserialize;

    public AvroSerde(SchemaRegistryClient client, Class<T> type, boolean isKey) {
        this.registry = Objects.requireNonNull(client, "client");
        this.type = Objects.requireNonNull(type, "type");
        this.isKey = isKey;
        // The class's own model carries its logical-type conversions (timestamp-millis as Instant).
        this.model = SpecificData.getForClass(type);
        this.classSchema = model.getSchema(type);
        this.writer = new SpecificDatumWriter<>(classSchema, model);
    }

    /** A value serde. */
    public static <T extends SpecificRecord> AvroSerde<T> forValues(SchemaRegistryClient client, Class<T> type) {
        return new AvroSerde<>(client, type, false);
    }

    /** The subject this serde registers under for a topic (Confluent's TopicNameStrategy). */
    public String subject(String topic) {
        return topic + (isKey ? "-key" : "-value");
    }

    /** The schema written and read into: the generated class's. */
    public Schema schema() {
        return classSchema;
    }

    @Override
    public Serializer<T> serializer() {
        return serializer;
    }

    @Override
    public Deserializer<T> deserializer() {
        return deserializer;
    }

    private byte[] serialize(String topic, T data) {
        if (data == null) {
            return null;
        }
        int id = schemaIdFor(topic);
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        ConfluentWireFormat.writeHeader(out, id);
        try {
            // Unbuffered: the buffered encoder would allocate a 2 KB buffer per record for ~100 bytes.
            BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
            writer.write(data, encoder);
        } catch (IOException | RuntimeException e) {
            // Avro reports a missing required field as a NullPointerException naming the field.
            throw new SerializationException("Cannot serialize " + type.getSimpleName() + " for topic " + topic
                    + ": " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    private int schemaIdFor(String topic) {
        Integer id = idsByTopic.get(topic);
        if (id == null) {
            id = registry.register(subject(topic), classSchema);
            idsByTopic.putIfAbsent(topic, id);
        }
        return id;
    }

    private T deserialize(String topic, byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        int writerId = ConfluentWireFormat.schemaId(bytes);
        DatumReader<T> reader = readerFor(writerId, topic);
        int length = bytes.length - ConfluentWireFormat.HEADER_LENGTH;
        try {
            BinaryDecoder decoder = DecoderFactory.get()
                    .binaryDecoder(bytes, ConfluentWireFormat.HEADER_LENGTH, length, null);
            T value = reader.read(null, decoder);
            if (!decoder.isEnd()) {
                throw new SerializationException(unreadable(topic, writerId, bytes)
                        + ": bytes left over after the record, so they were not written with that schema");
            }
            return value;
        } catch (EOFException e) {
            throw new SerializationException(unreadable(topic, writerId, bytes)
                    + ": the Avro data ends early (truncated?)", e);
        } catch (IOException | RuntimeException e) {
            if (e instanceof SerializationException already) {
                throw already;
            }
            throw new SerializationException(unreadable(topic, writerId, bytes) + ": " + e, e);
        }
    }

    private DatumReader<T> readerFor(int writerId, String topic) {
        DatumReader<T> reader = readersByWriterId.get(writerId);
        if (reader != null) {
            return reader;
        }
        Schema writerSchema = registry.schemaById(writerId);
        SchemaCompatibility.SchemaPairCompatibility compatibility =
                SchemaCompatibility.checkReaderWriterCompatibility(classSchema, writerSchema);
        if (compatibility.getType() != SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE) {
            throw new SerializationException("Cannot read " + type.getSimpleName() + " from topic " + topic
                    + ": it was written with schema id " + writerId + " (" + writerSchema.getFullName()
                    + "), which this version cannot read: " + compatibility.getResult().getIncompatibilities());
        }
        DatumReader<T> created = new SpecificDatumReader<>(writerSchema, classSchema, model);
        DatumReader<T> raced = readersByWriterId.putIfAbsent(writerId, created);
        return raced != null ? raced : created;
    }

    private String unreadable(String topic, int writerId, byte[] bytes) {
        return "Cannot deserialize " + type.getSimpleName() + " from topic " + topic + " (schema id " + writerId
                + ", " + bytes.length + " bytes: " + ConfluentWireFormat.hex(bytes, 16) + ")";
    }

    @Override
    public String toString() {
        return "AvroSerde[" + type.getName() + (isKey ? ", key" : ", value") + ", " + registry.baseUrl() + "]";
    }
}
