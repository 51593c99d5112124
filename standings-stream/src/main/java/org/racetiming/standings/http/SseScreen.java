package org.racetiming.standings.http;

import io.javalin.http.sse.SseClient;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * One browser on a session's live stream. Sending happens off the feed's thread, and a screen that reads slowly
 * gets the latest board when it catches up rather than every board in between: live timing wants now, not history.
 */
final class SseScreen implements LiveUpdates.Subscriber {

    private static final String HEARTBEAT = "";

    private final SseClient client;
    private final Executor sender;
    private final Map<String, String> pending = new LinkedHashMap<>();
    /**
     * Notable events: each one counts (a ticker), so they queue in order instead of replacing each other; a screen
     * that falls {@link #MAX_QUEUED} behind loses the oldest.
     */
    private final Deque<Map.Entry<String, String>> queued = new ArrayDeque<>();
    static final int MAX_QUEUED = 500;
    private final Set<String> offered = new HashSet<>();
    private boolean draining;

    SseScreen(SseClient client, Executor sender) {
        this.client = client;
        this.sender = sender;
    }

    @Override
    public void offer(String event, String data) {
        enqueue(event, data, false);
    }

    /** Offers a snapshot, unless a live update of that event came first (which is newer). */
    void offerFirst(String event, String data) {
        enqueue(event, data, true);
    }

    @Override
    public void heartbeat() {
        enqueue(HEARTBEAT, "heartbeat", false);
    }

    private void enqueue(String event, String data, boolean onlyIfFirst) {
        synchronized (this) {
            if (onlyIfFirst && offered.contains(event)) {
                return;
            }
            offered.add(event);
            if (StandingsFeed.NOTABLE_EVENT.equals(event)) {
                queued.addLast(Map.entry(event, data));
                if (queued.size() > MAX_QUEUED) {
                    queued.removeFirst();
                }
            } else {
                pending.put(event, data);
            }
            if (draining) {
                return;
            }
            draining = true;
        }
        try {
            sender.execute(this::drain);
        } catch (RejectedExecutionException e) {
            // Shutting down: the stream ends with the server.
            synchronized (this) {
                draining = false;
            }
        }
    }

    private void drain() {
        while (true) {
            String event;
            String data;
            synchronized (this) {
                Iterator<Map.Entry<String, String>> it = pending.entrySet().iterator();
                if ((queued.isEmpty() && !it.hasNext()) || client.terminated()) {
                    pending.clear();
                    queued.clear();
                    draining = false;
                    return;
                }
                Map.Entry<String, String> next;
                if (queued.isEmpty()) {
                    next = it.next();
                    it.remove();
                } else {
                    next = queued.removeFirst();
                }
                event = next.getKey();
                data = next.getValue();
            }
            // A failed write marks the client terminated and runs its onClose, which unsubscribes it.
            if (HEARTBEAT.equals(event)) {
                client.sendComment(data);
            } else {
                client.sendEvent(event, data);
            }
        }
    }
}
