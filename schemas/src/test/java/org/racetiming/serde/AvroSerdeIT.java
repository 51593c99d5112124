package org.racetiming.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.racetiming.serde.SampleEvents.lap;
import static org.racetiming.serde.SampleEvents.uniqueTopic;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.racetiming.embedded.StackEndpoints;
import org.racetiming.embedded.junit.WithKafkaStack;
import org.racetiming.event.TimingEvent;
import org.racetiming.output.TrackStatusState;

@WithKafkaStack
class AvroSerdeIT {

    private SchemaRegistryClient registry;
    private AvroSerde<TimingEvent> serde;

    @BeforeEach
    void connect(StackEndpoints stack) {
        registry = new SchemaRegistryClient(stack.schemaRegistryUrl());
        serde = new AvroSerde<>(registry, TimingEvent.class, false);
    }

    @AfterEach
    void disconnect() {
        registry.close();
    }

    @Test
    void shouldRoundTripATimingEventThroughTheRealRegistry() {
        String topic = uniqueTopic("round-trip");
        TimingEvent event = lap("lm2023-race", "007", 12, 2_612_345L);

        byte[] bytes = serde.serializer().serialize(topic, event);
        TimingEvent read = serde.deserializer().deserialize(topic, bytes);

        assertThat(read).isEqualTo(event);
        assertThat(read.getWallClock()).isEqualTo(event.getWallClock());
    }

    @Test
    void shouldWritePlainConfluentWireFormatWithTheIdTheRegistryGaveTheSubject(StackEndpoints stack) {
        String topic = uniqueTopic("wire-format");
        byte[] bytes = serde.serializer().serialize(topic, lap("s1", "7", 1, 1000L));

        try (SchemaRegistryClient other = new SchemaRegistryClient(stack.schemaRegistryUrl())) {
            int id = other.register(topic + "-value", TimingEvent.getClassSchema());
            assertThat(bytes[0]).isEqualTo((byte) 0x00);
            assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo(id);
            // What any Confluent client would fetch for that id is the class's schema.
            assertThat(other.schemaById(id)).isEqualTo(TimingEvent.getClassSchema());
        }
    }

    @Test
    void shouldRegisterTheSameSchemaOnceAndServeFurtherWritesFromCache() {
        String topic = uniqueTopic("cached");
        serde.serializer().serialize(topic, lap("s1", "7", 1, 1000L));
        long requestsAfterFirstWrite = registry.requestsSent();

        for (int lap = 2; lap <= 200; lap++) {
            serde.serializer().serialize(topic, lap("s1", "7", lap, lap * 1000L));
        }
        AvroSerde<TimingEvent> secondSerde = new AvroSerde<>(registry, TimingEvent.class, false);
        byte[] bytes = secondSerde.serializer().serialize(topic, lap("s1", "8", 1, 1200L));
        secondSerde.deserializer().deserialize(topic, bytes);

        assertThat(registry.requestsSent()).isEqualTo(requestsAfterFirstWrite);
        assertThat(registry.versions(topic + "-value")).containsExactly(1);
    }

    @Test
    void shouldFetchAWriterSchemaOnceWhenReadingManyRecords(StackEndpoints stack) {
        String topic = uniqueTopic("reader-cache");
        byte[] bytes = serde.serializer().serialize(topic, lap("s1", "7", 1, 1000L));

        try (SchemaRegistryClient reader = new SchemaRegistryClient(stack.schemaRegistryUrl())) {
            AvroSerde<TimingEvent> readingSerde = new AvroSerde<>(reader, TimingEvent.class, false);
            for (int i = 0; i < 100; i++) {
                readingSerde.deserializer().deserialize(topic, bytes);
            }
            assertThat(reader.requestsSent()).isEqualTo(1);
        }
    }

    @Test
    void shouldRegisterKeysUnderTheKeySubject() {
        String topic = uniqueTopic("keyed");
        AvroSerde<TrackStatusState> keySerde = new AvroSerde<>(registry, TrackStatusState.class, true);
        TrackStatusState key = TrackStatusState.newBuilder()
                .setSessionId("s1").setSessionTimeMs(1L)
                .setStatus(org.racetiming.event.TrackStatus.GREEN).build();

        byte[] bytes = keySerde.serializer().serialize(topic, key);

        assertThat(keySerde.subject(topic)).isEqualTo(topic + "-key");
        assertThat(registry.versions(topic + "-key")).containsExactly(1);
        assertThat(registry.versions(topic + "-value")).isEmpty();
        assertThat(keySerde.deserializer().deserialize(topic, bytes)).isEqualTo(key);
    }

    @Test
    void shouldServeManyThreadsWithOneSerde() throws Exception {
        String topic = uniqueTopic("threads");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int thread = 0; thread < 8; thread++) {
                String car = String.valueOf(thread);
                results.add(pool.submit(() -> {
                    for (int lap = 1; lap <= 200; lap++) {
                        TimingEvent event = lap("s1", car, lap, lap * 1000L);
                        if (!event.equals(serde.deserializer().deserialize(topic, serde.serializer().serialize(topic, event)))) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> result : results) {
                assertThat(result.get(30, TimeUnit.SECONDS)).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(registry.versions(topic + "-value")).containsExactly(1);
    }

    @Test
    void shouldPassNullsThroughForTombstones() {
        assertThat(serde.serializer().serialize("any", null)).isNull();
        assertThat(serde.deserializer().deserialize("any", null)).isNull();
    }

    @Test
    void shouldRefuseATruncatedAvroPayloadWithAClearError() {
        String topic = uniqueTopic("truncated");
        byte[] bytes = serde.serializer().serialize(topic, lap("s1", "7", 1, 1000L));
        byte[] truncated = Arrays.copyOf(bytes, bytes.length - 10);

        assertThatThrownBy(() -> serde.deserializer().deserialize(topic, truncated))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("Cannot deserialize TimingEvent from topic " + topic)
                .hasMessageContaining("schema id " + ByteBuffer.wrap(bytes, 1, 4).getInt());
    }

    @Test
    void shouldRefuseBytesLeftOverAfterTheRecord() {
        String topic = uniqueTopic("trailing");
        byte[] bytes = serde.serializer().serialize(topic, lap("s1", "7", 1, 1000L));
        byte[] longer = Arrays.copyOf(bytes, bytes.length + 3);

        assertThatThrownBy(() -> serde.deserializer().deserialize(topic, longer))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("bytes left over");
    }

    @Test
    void shouldRefuseBytesWithoutTheMagicByteBeforeAskingTheRegistry() {
        long before = registry.requestsSent();

        assertThatThrownBy(() -> serde.deserializer().deserialize("t", "{\"lap\":1}".getBytes()))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("Unknown magic byte 0x7b");
        assertThat(registry.requestsSent()).isEqualTo(before);
    }

    @Test
    void shouldRefuseAnEventMissingARequiredFieldNamingIt() {
        TimingEvent broken = lap("s1", "7", 1, 1000L);
        broken.setEventId(null);

        assertThatThrownBy(() -> serde.serializer().serialize(uniqueTopic("broken"), broken))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("Cannot serialize TimingEvent")
                .hasMessageContaining("eventId");
    }

    @Test
    void shouldSaySoWhenTheRegistryHasNoSchemaWithTheId() {
        byte[] unknownId = ConfluentWireFormat.frame(987_654_321, new byte[] {0});

        assertThatThrownBy(() -> serde.deserializer().deserialize("t", unknownId))
                .isInstanceOf(SchemaRegistryException.class)
                .hasMessageContaining("has no schema with id 987654321 (404)")
                .extracting(e -> ((SchemaRegistryException) e).httpStatus()).isEqualTo(404);
    }
}
