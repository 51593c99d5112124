package org.racetiming.standings.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler.Response;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler.Result;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.racetiming.embedded.StackEndpoints;
import org.racetiming.embedded.junit.WithKafkaStack;
import org.racetiming.event.TimingEvent;
import org.racetiming.serde.AvroSerde;
import org.racetiming.serde.SchemaRegistryClient;
import org.racetiming.topics.Topics;

/**
 * What the topology does with a record it cannot decode, with the answers of a real registry: a well-formed record
 * whose schema id the registry does not know (it lost its schemas) or a registry that does not answer stops the
 * topology; only malformed bytes go to the rejected topic.
 */
@WithKafkaStack
class UndecodableEventHandlerIT {

    private static String registryUrl;
    private final UndecodableEventHandler handler = new UndecodableEventHandler();

    @BeforeAll
    static void registry(StackEndpoints endpoints) {
        registryUrl = endpoints.schemaRegistryUrl();
    }

    @Test
    void shouldStopOnAWellFormedRecordWhoseSchemaIdTheRegistryDoesNotKnow() {
        byte[] unknownId = ByteBuffer.allocate(9).put((byte) 0).putInt(987_654).putInt(0).array();

        Result result = handle(unknownId, registryUrl);

        assertThat(result).isEqualTo(Result.FAIL);
    }

    @Test
    void shouldStopWhenTheRegistryDoesNotAnswer() {
        byte[] wellFormed = ByteBuffer.allocate(9).put((byte) 0).putInt(1).putInt(0).array();

        Result result = handle(wellFormed, "http://127.0.0.1:9");

        assertThat(result).isEqualTo(Result.FAIL);
    }

    @Test
    void shouldRejectMalformedBytesAndCarryOn() {
        byte[] noMagicByte = "not avro".getBytes(StandardCharsets.UTF_8);

        Response response = response(noMagicByte, registryUrl);

        assertThat(response.result()).isEqualTo(Result.RESUME);
        assertThat(response.deadLetterQueueRecords()).singleElement()
                .satisfies(r -> assertThat(r.topic()).isEqualTo(Topics.TIMING_EVENTS_REJECTED));
    }

    private Result handle(byte[] value, String url) {
        return response(value, url).result();
    }

    private Response response(byte[] value, String url) {
        SchemaRegistryClient client = new SchemaRegistryClient(url,
                SchemaRegistryClient.Settings.defaults().withMaxAttempts(1));
        try (client) {
            AvroSerde<TimingEvent> serde = AvroSerde.forValues(client, TimingEvent.class);
            Throwable error = catchThrowable(() -> serde.deserializer().deserialize(Topics.TIMING_EVENTS, value));
            assertThat(error).as("the record cannot be decoded").isNotNull();
            ConsumerRecord<byte[], byte[]> record = new ConsumerRecord<>(Topics.TIMING_EVENTS, 0, 42L,
                    "session".getBytes(StandardCharsets.UTF_8), value);
            return handler.handleError(null, record, (Exception) error);
        }
    }
}
