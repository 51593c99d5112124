package org.racetiming.ingest.publish;

import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.racetiming.event.TimingEvent;

/**
 * Where {@link EventPublisher} hands an event to Kafka: the producer itself, or something in front
 * of it that a test puts there to fail deliveries on a real broker (an outage that a unit test of
 * the producer cannot show). Behaves as {@code KafkaProducer.send}: the callback gets the result,
 * and a send refused at once may throw.
 */
public interface EventSink {

    void send(ProducerRecord<String, TimingEvent> record, Callback callback);

    /** Hands on whatever it still holds; called before the producer's flush. */
    default void drain() {
    }
}
