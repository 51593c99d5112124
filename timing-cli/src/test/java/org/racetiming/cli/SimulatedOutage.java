package org.racetiming.cli;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TimeoutException;
import org.racetiming.event.TimingEvent;
import org.racetiming.ingest.publish.EventSink;

/**
 * The brokers gone for a stretch of a feed, in front of a real producer: from the {@code from}-th
 * event on, {@code length} events expire as they do after {@code delivery.timeout.ms} (their
 * callbacks fail, late, on another thread), then the brokers are back and later events go to the
 * producer again. As with Kafka's per-partition sequences, the failures are reported before any
 * later event is handed on; a publisher that goes on sending after them leaves a hole on the topic.
 */
final class SimulatedOutage implements UnaryOperator<EventSink> {

    private final int from;
    private final int length;
    private final AtomicInteger sent = new AtomicInteger();
    private final ExecutorService later = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "simulated-outage");
        thread.setDaemon(true);
        return thread;
    });

    SimulatedOutage(int from, int length) {
        this.from = from;
        this.length = length;
    }

    @Override
    public EventSink apply(EventSink producer) {
        return new EventSink() {
            @Override
            public void send(ProducerRecord<String, TimingEvent> record, Callback callback) {
                int n = sent.getAndIncrement();
                if (n < from) {
                    producer.send(record, callback);
                } else if (n < from + length) {
                    later.execute(() -> callback.onCompletion(null, new TimeoutException(
                            "Expiring 1 record(s) for timing-events-0: 120000 ms has passed since batch creation (simulated outage)")));
                } else {
                    later.execute(() -> {
                        try {
                            producer.send(record, callback);
                        } catch (RuntimeException e) {
                            callback.onCompletion(null, e);
                        }
                    });
                }
            }

            @Override
            public void drain() {
                try {
                    later.submit(() -> { }).get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (ExecutionException e) {
                    throw new IllegalStateException(e);
                }
            }
        };
    }
}
