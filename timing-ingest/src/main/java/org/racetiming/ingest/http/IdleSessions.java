package org.racetiming.ingest.http;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Per-session state that leaves memory once the session has been idle for a while: a finished race is posted to no
 * more, and without this the service kept every session it ever served until it restarted. Evicting is safe
 * because a session seen again is read back from {@code timing-events} first. Idle sessions are swept on use, at
 * most once per {@link #SWEEP_EVERY} of the idle time, so no thread of its own is needed.
 *
 * @param <S> the state; callers lock on it, and must {@link #acquire} again if it was evicted meanwhile
 */
final class IdleSessions<S> {
    /** Sweeps happen at most this often relative to the idle time (a 30-minute idle time: every 3 minutes). */
    static final int SWEEP_EVERY = 10;

    private final ConcurrentMap<String, Entry<S>> sessions = new ConcurrentHashMap<>();
    private final Duration idleAfter;
    private final LongSupplier nanoClock;
    private final Supplier<S> fresh;
    private final Consumer<String> onEvict;
    private volatile long lastSweep;

    /**
     * @param onEvict called with the session id, while its state is locked, when a session leaves memory
     */
    IdleSessions(Duration idleAfter, LongSupplier nanoClock, Supplier<S> fresh, Consumer<String> onEvict) {
        this.idleAfter = idleAfter;
        this.nanoClock = nanoClock;
        this.fresh = fresh;
        this.onEvict = onEvict;
        this.lastSweep = nanoClock.getAsLong();
    }

    /** The session's state, created if missing, marked as used now. Lock it, then check {@link #evicted}. */
    S acquire(String sessionId) {
        sweepIfDue();
        Entry<S> entry = sessions.computeIfAbsent(sessionId, id -> new Entry<>(fresh.get()));
        entry.lastUsed = nanoClock.getAsLong();
        return entry.state;
    }

    /** True when the state was evicted between {@link #acquire} and taking its lock: acquire again. */
    boolean evicted(String sessionId, S state) {
        Entry<S> entry = sessions.get(sessionId);
        return entry == null || entry.state != state;
    }

    /** The state if the session is in memory, else null. */
    S peek(String sessionId) {
        Entry<S> entry = sessions.get(sessionId);
        return entry == null ? null : entry.state;
    }

    int size() {
        return sessions.size();
    }

    private void sweepIfDue() {
        long now = nanoClock.getAsLong();
        if (now - lastSweep >= idleAfter.toNanos() / SWEEP_EVERY) {
            lastSweep = now;
            evictIdle(now);
        }
    }

    /** Removes every session not used for the idle time; returns how many left. */
    int evictIdle(long now) {
        int evicted = 0;
        for (Map.Entry<String, Entry<S>> session : sessions.entrySet()) {
            Entry<S> entry = session.getValue();
            synchronized (entry.state) {
                if (now - entry.lastUsed >= idleAfter.toNanos() && sessions.remove(session.getKey(), entry)) {
                    onEvict.accept(session.getKey());
                    evicted++;
                }
            }
        }
        return evicted;
    }

    private static final class Entry<S> {
        private final S state;
        private volatile long lastUsed;

        private Entry(S state) {
            this.state = state;
        }
    }
}
