package org.racetiming.standings.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

/** One screen's queue: in order, the latest track status only, and a snapshot instead of a backlog of deltas. */
class SseScreenTest {

    /** Runs what it is given only when told: the screen's sender thread, held up like a slow socket. */
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

    private final List<String> sent = new ArrayList<>();
    private final HeldExecutor sender = new HeldExecutor();
    private final SseScreen screen = new SseScreen(new SseScreen.Sink() {
        @Override
        public boolean terminated() {
            return false;
        }

        @Override
        public void send(String event, String data) {
            sent.add(event + ":" + data);
        }
    }, sender);

    private static LiveFrame delta(int seq) {
        return new LiveFrame(LiveFrame.DELTA, "d" + seq, () -> LiveFrame.of(LiveFrame.SNAPSHOT, "s" + seq));
    }

    @Test
    void shouldSendEveryFrameInOrderWhenTheScreenKeepsUp() {
        screen.offer(LiveFrame.of(LiveFrame.SNAPSHOT, "s1"));
        screen.offer(delta(2));
        screen.offer(LiveFrame.of(LiveFrame.TRACK_STATUS, "t"));

        sender.runAll();

        assertThat(sent).containsExactly("snapshot:s1", "delta:d2", "track-status:t");
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
        assertThat(sent).containsExactlyElementsOf(expected);
    }

    @Test
    void shouldKeepOnlyTheLatestTrackStatusAndSkipAHeartbeatWhenSomethingIsWaiting() {
        screen.offer(LiveFrame.of(LiveFrame.TRACK_STATUS, "green"));
        screen.offer(LiveFrame.of(LiveFrame.TRACK_STATUS, "red"));
        screen.offer(LiveFrame.of(LiveFrame.HEARTBEAT, "hb"));

        sender.runAll();

        assertThat(sent).containsExactly("track-status:red");
    }
}
