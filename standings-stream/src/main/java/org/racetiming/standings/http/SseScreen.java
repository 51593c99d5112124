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

    /** Where a screen's events go: a browser's stream ({@link #of}), or a test's list. */
    interface Sink {
        boolean terminated();

        void send(String event, String data);
    }

    private final Sink sink;
    private final Executor sender;
    private final Deque<LiveFrame> pending = new ArrayDeque<>();
    private boolean draining;

    SseScreen(Sink sink, Executor sender) {
        this.sink = sink;
        this.sender = sender;
    }

    /** A browser's stream: a failed write marks the client terminated and runs its onClose, which unsubscribes it. */
    static SseScreen of(SseClient client, Executor sender) {
        return new SseScreen(new Sink() {
            @Override
            public boolean terminated() {
                return client.terminated();
            }

            @Override
            public void send(String event, String data) {
                client.sendEvent(event, data);
            }
        }, sender);
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
                if (frame == null || sink.terminated()) {
                    pending.clear();
                    draining = false;
                    return;
                }
            }
            sink.send(frame.event(), frame.data());
        }
    }
}
