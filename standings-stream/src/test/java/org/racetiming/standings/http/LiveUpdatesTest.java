package org.racetiming.standings.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Channels of watched sessions: joining and leaving under contention, numbering, the first board whole. */
class LiveUpdatesTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final LiveUpdates updates = new LiveUpdates(Duration.ofHours(1), new StandingsJson());

    @AfterEach
    void close() {
        updates.close();
    }

    /** Keeps what it is offered. */
    private static final class Screen implements LiveUpdates.Subscriber {
        final List<LiveFrame> frames = new CopyOnWriteArrayList<>();

        @Override
        public void offer(LiveFrame frame) {
            frames.add(frame);
        }
    }

    private static ObjectNode board(int laps) {
        ObjectNode board = MAPPER.createObjectNode().put("sessionId", "s");
        board.putArray("cars").addObject().put("car", "51").put("laps", laps);
        return board;
    }

    @Test
    void shouldNeverOrphanAScreenThatJoinsWhileOthersLeave() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> churn = new java.util.ArrayList<>();
            for (int t = 0; t < 4; t++) {
                churn.add(threads.submit(() -> {
                    for (int i = 0; i < 5_000; i++) {
                        updates.subscribe("s", new Screen()).run();
                    }
                }));
            }
            Screen stayer = new Screen();
            updates.subscribe("s", stayer);
            for (Future<?> future : churn) {
                future.get();
            }

            updates.board("s", board(1), null);

            assertThat(stayer.frames).extracting(LiveFrame::event).containsExactly(LiveFrame.SNAPSHOT);
            assertThat(updates.subscribers()).isEqualTo(1);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void shouldNumberEveryBoardAndSkipABoardThatChangesNothing() throws Exception {
        Screen screen = new Screen();
        updates.subscribe("s", screen);

        updates.board("s", board(1), null);
        updates.board("s", board(2), 5L);
        updates.board("s", board(2), 6L);

        assertThat(screen.frames).extracting(LiveFrame::event).containsExactly(LiveFrame.SNAPSHOT, LiveFrame.DELTA);
        assertThat(MAPPER.readTree(screen.frames.get(0).data()).get("seq").asLong()).isEqualTo(1);
        assertThat(MAPPER.readTree(screen.frames.get(1).data()).get("seq").asLong()).isEqualTo(2);
        assertThat(MAPPER.readTree(screen.frames.get(1).data()).get("eventInMs").asLong()).isEqualTo(5);
    }

    @Test
    void shouldIgnoreASeedWhenTheLiveFeedWasFaster() throws Exception {
        Screen screen = new Screen();
        updates.subscribe("s", screen);
        updates.board("s", board(3), null);

        updates.seed("s", board(2), null);

        assertThat(screen.frames).hasSize(1);
        assertThat(MAPPER.readTree(screen.frames.get(0).data()).at("/standings/cars/0/laps").asInt()).isEqualTo(3);
    }

    @Test
    void shouldForgetASessionWhenItsLastScreenLeaves() {
        Runnable leave = updates.subscribe("s", new Screen());
        updates.board("s", board(1), null);

        leave.run();
        leave.run();

        assertThat(updates.watched("s")).isFalse();
        assertThat(updates.subscribers()).isZero();
    }
}
