package org.racetiming.cli;

import java.util.ArrayList;
import java.util.List;
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
 * The brokers gone for a stretch of a feed, in front of a real producer. From the {@code from}-th
 * event on, {@code length} events are taken but not delivered; the feed goes on sending meanwhile,
 * as a producer buffers while it retries. Then the brokers are back: the held events expire, as
 * after {@code delivery.timeout.ms} (their callbacks fail, on another thread), and only after that
 * are later events handed to the producer, as Kafka's per-partition sequences order them. A
 * publisher that goes on sending once the failures are reported leaves a hole on the topic.
 */
final class SimulatedOutage implements UnaryOperator<EventSink> {

    private final int from;
    private final int length;
    private final AtomicInteger sent = new AtomicInteger();
    private final List<Callback> expiring = new ArrayList<>();
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
                    return;
                }
                if (n < from + length) {
                    synchronized (expiring) {
                        expiring.add(callback);
                    }
                    return;
                }
                expire();
                later.execute(() -> {
                    try {
                        producer.send(record, callback);
                    } catch (RuntimeException e) {
                        callback.onCompletion(null, e);
                    }
                });
            }

            @Override
            public void drain() {
                expire();
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

    /** The held events fail, in order, before anything after them goes on. */
    private void expire() {
        List<Callback> due;
        synchronized (expiring) {
            due = List.copyOf(expiring);
            expiring.clear();
        }
        for (Callback callback : due) {
            later.execute(() -> callback.onCompletion(null, new TimeoutException(
                    "Expiring 1 record(s) for timing-events-0: 120000 ms has passed since batch creation (simulated outage)")));
        }
    }
}
