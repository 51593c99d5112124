package org.racetiming.standings.http;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.LongConsumer;

/**
 * One browser on a session's live stream, written without ever blocking a thread. Frames wait in a queue; a sender
 * thread writes them while the connection takes them, and once it does not, the connection calls
 * {@link #writable()} when it does again. So a phone on a poor network holds no thread and delays no other screen.
 * A screen that falls {@value #MAX_BEHIND} frames behind gets the snapshot of the latest board instead of the deltas
 * it has not been sent yet: live timing wants now, not history, and memory per screen stays bounded.
 */
final class SseScreen implements LiveUpdates.Subscriber {

    static final int MAX_BEHIND = 32;

    /** Where a screen's bytes go: a servlet response in non-blocking mode ({@link LiveStreamFilter}), or a test's. */
    interface Sink {
        /** True when a write or flush would not block; when false, the sink calls {@link #writable()} later. */
        boolean ready();

        void write(byte[] bytes) throws IOException;

        void flush() throws IOException;

        /** Ends the stream (after a failure, or when the server stops). */
        void close();
    }

    private final Executor sender;
    private final LongConsumer delivered;
    private final Deque<LiveFrame> pending = new ArrayDeque<>();
    private Sink sink;
    private Runnable onClose = () -> { };
    /** A pump is queued on the sender, running, or waiting for {@link #writable()}. */
    private boolean scheduled;
    /** Bytes written since the last flush (at first: the response's headers, which a flush sends). */
    private boolean unflushed = true;
    private boolean closed;

    /**
     * @param delivered gets, for every board written, the millis since its event arrived on timing-events
     */
    SseScreen(Executor sender, LongConsumer delivered) {
        this.sender = sender;
        this.delivered = delivered;
    }

    /** Connects the screen to its sink and sends what is waiting (at least the response's headers). */
    void attach(Sink to) {
        synchronized (this) {
            this.sink = to;
            scheduled = true;
        }
        schedule();
    }

    /** What to run once when the stream ends, whoever ends it (unsubscribing the screen). */
    void onClose(Runnable action) {
        boolean already;
        synchronized (this) {
            already = closed;
            onClose = action;
        }
        if (already) {
            action.run();
        }
    }

    @Override
    public void offer(LiveFrame frame) {
        synchronized (this) {
            if (closed) {
                return;
            }
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
            if (scheduled || sink == null) {
                return;
            }
            scheduled = true;
        }
        schedule();
    }

    /** The connection takes bytes again: the sink's callback after {@link Sink#ready()} answered false. */
    void writable() {
        pump();
    }

    /** Ends the stream: the connection failed or closed. Idempotent. */
    void close() {
        Runnable action;
        Sink ending;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            pending.clear();
            action = onClose;
            ending = sink;
        }
        action.run();
        if (ending != null) {
            ending.close();
        }
    }

    private void schedule() {
        try {
            sender.execute(this::pump);
        } catch (RejectedExecutionException e) {
            close(); // shutting down: the stream ends with the server
        }
    }

    /** Writes while the connection takes it; holds the lock only for non-blocking calls. */
    private void pump() {
        try {
            synchronized (this) {
                while (!closed && sink != null) {
                    if (!sink.ready()) {
                        return; // writable() pumps again; until then offers only queue
                    }
                    LiveFrame frame = pending.poll();
                    if (frame == null) {
                        if (unflushed) {
                            unflushed = false;
                            sink.flush();
                            continue;
                        }
                        scheduled = false;
                        return;
                    }
                    sink.write(frame.wire());
                    unflushed = true;
                    if (frame.eventInMs() != null) {
                        delivered.accept(System.currentTimeMillis() - frame.eventInMs());
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            close(); // the screen went away (or its connection broke): it unsubscribes
        }
    }
}
