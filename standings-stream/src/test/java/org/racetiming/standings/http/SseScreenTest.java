package org.racetiming.standings.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One screen's queue and its non-blocking writes: in order, the latest track status only, a snapshot instead of a
 * backlog of deltas, nothing written while the connection is not ready, and the end of a broken connection.
 */
class SseScreenTest {

    /** Runs what it is given only when told: the sender threads. */
    private static final class HeldExecutor implements Executor {
        final Deque<Runnable> tasks = new ArrayDeque<>();

        @Override
        public void execute(Runnable task) {
            tasks.add(task);
        }

        void runAll() {
            while (!tasks.isEmpty()) {
                tasks.poll().run();
            }
        }
    }

    /** A connection that takes bytes while {@code ready}, like a socket whose buffer fills and drains. */
    private static final class TestSink implements SseScreen.Sink {
        final List<String> sent = new ArrayList<>();
        final StringBuilder unflushed = new StringBuilder();
        boolean ready = true;
        boolean broken;
        int closed;

        @Override
        public boolean ready() {
            return ready;
        }

        @Override
        public void write(byte[] bytes) throws IOException {
            if (broken) {
                throw new IOException("Broken pipe");
            }
            unflushed.append(new String(bytes, StandardCharsets.UTF_8));
        }

        @Override
        public void flush() {
            for (String frame : unflushed.toString().split("\n\n")) {
                if (!frame.isEmpty()) {
                    String[] lines = frame.split("\n");
                    sent.add(lines[0].substring("event: ".length()) + ":" + lines[1].substring("data: ".length()));
                }
            }
            unflushed.setLength(0);
        }

        @Override
        public void close() {
            closed++;
        }
    }

    private final HeldExecutor sender = new HeldExecutor();
    private final TestSink sink = new TestSink();
    private final List<Long> delivered = new ArrayList<>();
    private final SseScreen screen = new SseScreen(sender, delivered::add);
    private int unsubscribed;

    @BeforeEach
    void attach() {
        screen.attach(sink);
        screen.onClose(() -> unsubscribed++);
        sender.runAll();
    }

    private static LiveFrame delta(int seq) {
        return new LiveFrame(LiveFrame.DELTA, "d" + seq, () -> LiveFrame.of(LiveFrame.SNAPSHOT, "s" + seq));
    }

    @Test
    void shouldSendEveryFrameInOrderWhenTheScreenKeepsUp() {
        screen.offer(LiveFrame.of(LiveFrame.SNAPSHOT, "s1"));
        screen.offer(delta(2));
        screen.offer(LiveFrame.of(LiveFrame.TRACK_STATUS, "t"));

        sender.runAll();

        assertThat(sink.sent).containsExactly("snapshot:s1", "delta:d2", "track-status:t");
    }

    @Test
    void shouldReplaceABacklogOfDeltasByTheLatestSnapshot() {
        for (int seq = 1; seq <= SseScreen.MAX_BEHIND + 5; seq++) {
            screen.offer(delta(seq));
        }

        sender.runAll();

        int caughtUp = SseScreen.MAX_BEHIND + 1;
        List<String> expected = new ArrayList<>();
        expected.add("snapshot:s" + caughtUp);
        for (int seq = caughtUp + 1; seq <= SseScreen.MAX_BEHIND + 5; seq++) {
            expected.add("delta:d" + seq);
        }
        assertThat(sink.sent).containsExactlyElementsOf(expected);
    }

    @Test
    void shouldKeepOnlyTheLatestTrackStatusAndSkipAHeartbeatWhenSomethingIsWaiting() {
        screen.offer(LiveFrame.of(LiveFrame.TRACK_STATUS, "green"));
        screen.offer(LiveFrame.of(LiveFrame.TRACK_STATUS, "red"));
        screen.offer(LiveFrame.of(LiveFrame.HEARTBEAT, "hb"));

        sender.runAll();

        assertThat(sink.sent).containsExactly("track-status:red");
    }

    @Test
    void shouldWriteNothingWhileTheConnectionIsNotReadyAndEverythingOnceItIs() {
        sink.ready = false;
        screen.offer(LiveFrame.of(LiveFrame.SNAPSHOT, "s1"));
        screen.offer(delta(2));
        sender.runAll();
        assertThat(sink.sent).isEmpty();
        assertThat(sender.tasks).as("no thread spins on a full connection").isEmpty();

        screen.offer(delta(3));
        assertThat(sender.tasks).as("a queued frame waits for the connection's callback, not for a thread").isEmpty();

        sink.ready = true;
        screen.writable();

        assertThat(sink.sent).containsExactly("snapshot:s1", "delta:d2", "delta:d3");
    }

    @Test
    void shouldTimeEveryBoardFromItsEventsArrival() {
        long arrived = System.currentTimeMillis() - 40;
        screen.offer(new LiveFrame(LiveFrame.DELTA, "d1", null, arrived));
        screen.offer(LiveFrame.of(LiveFrame.HEARTBEAT, "hb"));

        sender.runAll();

        assertThat(delivered).hasSize(1);
        assertThat(delivered.get(0)).isGreaterThanOrEqualTo(40);
    }

    @Test
    void shouldEndTheStreamAndUnsubscribeOnceWhenAWriteFails() {
        sink.broken = true;
        screen.offer(LiveFrame.of(LiveFrame.SNAPSHOT, "s1"));
        sender.runAll();

        screen.offer(delta(2));
        screen.close();
        sender.runAll();

        assertThat(unsubscribed).isEqualTo(1);
        assertThat(sink.closed).isEqualTo(1);
        assertThat(sender.tasks).isEmpty();
    }
}
