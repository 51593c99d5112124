package org.racetiming.standings.http;

import io.javalin.http.sse.SseClient;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * One browser on a session's live stream. Sending happens off the feed's thread, in order. A screen that reads
 * slowly and falls {@value #MAX_BEHIND} events behind gets the snapshot of the latest board instead of the deltas it
 * has not been sent yet: live timing wants now, not history, and memory per screen stays bounded.
 */
final class SseScreen implements LiveUpdates.Subscriber {

    static final int MAX_BEHIND = 32;

    private final SseClient client;
    private final Executor sender;
    private final Deque<LiveFrame> pending = new ArrayDeque<>();
    private boolean draining;

    SseScreen(SseClient client, Executor sender) {
        this.client = client;
        this.sender = sender;
    }

    @Override
    public void offer(LiveFrame frame) {
        synchronized (this) {
            if (frame.event().equals(LiveFrame.HEARTBEAT) && !pending.isEmpty()) {
                return; // Something is about to be sent anyway.
            }
            if (frame.event().equals(LiveFrame.TRACK_STATUS)) {
                pending.removeIf(f -> f.event().equals(LiveFrame.TRACK_STATUS)); // the latest is all that counts
            }
            if (frame.catchUp() != null && pending.size() >= MAX_BEHIND) {
                pending.removeIf(LiveFrame::board);
                pending.add(frame.catchUp().get());
            } else {
                pending.add(frame);
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
            LiveFrame frame;
            synchronized (this) {
                frame = pending.poll();
                if (frame == null || client.terminated()) {
                    pending.clear();
                    draining = false;
                    return;
                }
            }
            // A failed write marks the client terminated and runs its onClose, which unsubscribes it.
            client.sendEvent(frame.event(), frame.data());
        }
    }
}
