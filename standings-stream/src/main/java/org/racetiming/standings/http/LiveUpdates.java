package org.racetiming.standings.http;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Who watches which session live, and the fan-out of each change to them. A change is serialised once per
 * session, not once per screen; screens get a heartbeat so that dead connections are found and dropped.
 */
final class LiveUpdates implements AutoCloseable {

    /** A live screen. Implementations must not block: the feed thread calls them. */
    interface Subscriber {
        void offer(String event, String data);

        void heartbeat();
    }

    private final Map<String, Set<Subscriber>> bySession = new ConcurrentHashMap<>();
    private final AtomicInteger count = new AtomicInteger();
    private final ScheduledExecutorService heartbeats;

    LiveUpdates(Duration heartbeatInterval) {
        heartbeats = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "live-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        long every = heartbeatInterval.toMillis();
        heartbeats.scheduleAtFixedRate(this::heartbeat, every, every, TimeUnit.MILLISECONDS);
    }

    /** @return what unsubscribes it (idempotent) */
    Runnable subscribe(String sessionId, Subscriber subscriber) {
        bySession.computeIfAbsent(sessionId, id -> ConcurrentHashMap.newKeySet()).add(subscriber);
        count.incrementAndGet();
        return () -> {
            Set<Subscriber> subscribers = bySession.get(sessionId);
            if (subscribers != null && subscribers.remove(subscriber)) {
                count.decrementAndGet();
                bySession.computeIfPresent(sessionId, (id, set) -> set.isEmpty() ? null : set);
            }
        };
    }

    boolean watched(String sessionId) {
        Set<Subscriber> subscribers = bySession.get(sessionId);
        return subscribers != null && !subscribers.isEmpty();
    }

    void publish(String sessionId, String event, String data) {
        Set<Subscriber> subscribers = bySession.get(sessionId);
        if (subscribers != null) {
            subscribers.forEach(subscriber -> subscriber.offer(event, data));
        }
    }

    int subscribers() {
        return count.get();
    }

    private void heartbeat() {
        bySession.values().forEach(set -> set.forEach(Subscriber::heartbeat));
    }

    @Override
    public void close() {
        heartbeats.shutdownNow();
    }
}
