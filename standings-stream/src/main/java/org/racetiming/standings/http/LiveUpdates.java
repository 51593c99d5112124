package org.racetiming.standings.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Who watches which session live, and the fan-out of each change to them: one {@link SessionChannel} per watched
 * session, gone when its last screen leaves. Joining and leaving are atomic with respect to each other (both run
 * inside the map's {@code compute}), so a screen that reconnects while its old connection is being dropped is never
 * left in a channel the map no longer holds. Every screen gets a named {@code heartbeat} event, which tells the page
 * the connection is alive when the race is quiet, and how the server's live feed is doing.
 */
final class LiveUpdates implements AutoCloseable {

    /** A live screen. Implementations must not block: the feed thread calls them, under a channel's lock. */
    interface Subscriber {
        void offer(LiveFrame frame);
    }

    private final ConcurrentMap<String, SessionChannel> channels = new ConcurrentHashMap<>();
    private final AtomicInteger count = new AtomicInteger();
    private final StandingsJson json;
    private final ScheduledExecutorService heartbeats;
    private volatile Supplier<StandingsFeed.Status> feed = () -> null;

    LiveUpdates(Duration heartbeatInterval, StandingsJson json) {
        this.json = json;
        heartbeats = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "live-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        long every = heartbeatInterval.toMillis();
        heartbeats.scheduleAtFixedRate(this::heartbeat, every, every, TimeUnit.MILLISECONDS);
    }

    /** Where heartbeats read the live feed's state (the feed starts after this). */
    void reportFeed(Supplier<StandingsFeed.Status> status) {
        this.feed = status;
    }

    /** The live feed's state; null when no feed reports to these updates. */
    StandingsFeed.Status feedStatus() {
        return feed.get();
    }

    /**
     * Adds a screen to a session's channel and sends it the channel's current snapshot, if it has one.
     *
     * @return what unsubscribes it (idempotent)
     */
    Runnable subscribe(String sessionId, Subscriber subscriber) {
        channels.compute(sessionId, (id, channel) -> {
            SessionChannel joined = channel == null ? new SessionChannel(json) : channel;
            joined.join(subscriber);
            return joined;
        });
        count.incrementAndGet();
        AtomicInteger once = new AtomicInteger();
        return () -> {
            if (once.getAndIncrement() == 0) {
                channels.computeIfPresent(sessionId, (id, channel) -> channel.leave(subscriber) ? null : channel);
                count.decrementAndGet();
            }
        };
    }

    boolean watched(String sessionId) {
        return channels.containsKey(sessionId);
    }

    /** True when the session's channel holds a board (a new screen got it on joining). */
    boolean hasBoard(String sessionId) {
        SessionChannel channel = channels.get(sessionId);
        return channel != null && channel.hasBoard();
    }

    /** A board read from the session's owner for a joining screen; ignored if the live feed was faster. */
    void seed(String sessionId, ObjectNode board, String track) {
        SessionChannel channel = channels.get(sessionId);
        if (channel != null) {
            channel.seed(board);
            if (track != null) {
                channel.seedTrack(track);
            }
        }
    }

    /** A new board from the live feed. */
    void board(String sessionId, ObjectNode board, Long eventInMs) {
        SessionChannel channel = channels.get(sessionId);
        if (channel != null) {
            channel.board(board, eventInMs);
        }
    }

    /** A new track status from the live feed (sent whole: it changes seldom). */
    void track(String sessionId, String data) {
        SessionChannel channel = channels.get(sessionId);
        if (channel != null) {
            channel.track(data);
        }
    }

    /** A notable event from the live feed, for the screens watching now (a joining screen reads the recent ones). */
    void notable(String sessionId, String data) {
        SessionChannel channel = channels.get(sessionId);
        if (channel != null) {
            channel.offerAll(LiveFrame.of(LiveFrame.NOTABLE, data));
        }
    }

    int subscribers() {
        return count.get();
    }

    void heartbeat() {
        StandingsFeed.Status status = feedStatus();
        ObjectNode body = json.object().put("serverTimeMs", System.currentTimeMillis());
        if (status != null) {
            body.put("feed", status.state().name());
        }
        LiveFrame frame = LiveFrame.of(LiveFrame.HEARTBEAT, json.write(body));
        channels.values().forEach(channel -> channel.offerAll(frame));
    }

    @Override
    public void close() {
        heartbeats.shutdownNow();
    }
}
