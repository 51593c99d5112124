package org.racetiming.standings.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.racetiming.event.TimingEvent;
import org.racetiming.ingest.feed.simulator.RaceSimulator;
import org.racetiming.ingest.feed.simulator.SimulatorConfig;
import org.racetiming.standings.rules.RaceSession;

/**
 * The demo's simulated race, its boards as the rules make them after each event, and a feeder that pushes them to
 * live screens at the pace {@code ./timing demo} produces them — what a page must cope with.
 */
final class DemoRace {

    /** Boards per second at the demo's default speed (60x): 45 cars, 3 timing points a ~2-minute lap, times 60. */
    static final int DEMO_BOARDS_PER_SECOND = 65;

    private final String sessionId;
    private final List<TimingEvent> events = new ArrayList<>();
    private final List<ObjectNode> boards = new ArrayList<>();

    DemoRace(String sessionId, int cars, int eventCount) {
        this.sessionId = sessionId;
        RaceSimulator simulator = new RaceSimulator(SimulatorConfig.defaults(sessionId).withCars(cars));
        RaceSession race = new RaceSession(sessionId);
        StandingsJson json = new StandingsJson();
        while (simulator.hasNext() && events.size() < eventCount) {
            TimingEvent event = simulator.next();
            events.add(event);
            race.apply(event);
            boards.add(json.standings(race.overall()));
        }
    }

    String sessionId() {
        return sessionId;
    }

    List<TimingEvent> events() {
        return events;
    }

    /** A copy of the board after the last event. */
    ObjectNode lastBoard() {
        return boards.get(boards.size() - 1).deepCopy();
    }

    /** Pushes the boards, in a loop, to the session's live screens; stops when closed. */
    final class Feeder implements AutoCloseable {
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final AtomicLong sent = new AtomicLong();
        private final Thread thread;

        Feeder(LiveUpdates updates, int perSecond) {
            long every = TimeUnit.SECONDS.toNanos(1) / perSecond;
            thread = new Thread(() -> {
                int i = boards.size() / 2; // start mid-race: every car on the board
                long next = System.nanoTime();
                while (running.get()) {
                    updates.board(sessionId, boards.get(i).deepCopy(), System.currentTimeMillis());
                    sent.incrementAndGet();
                    i = i + 1 < boards.size() ? i + 1 : boards.size() / 2;
                    next += every;
                    LockSupport.parkNanos(Math.max(0, next - System.nanoTime()));
                }
            }, "demo-board-feeder");
            thread.setDaemon(true);
            thread.start();
        }

        long sent() {
            return sent.get();
        }

        @Override
        public void close() throws InterruptedException {
            running.set(false);
            thread.join(Duration.ofSeconds(5).toMillis());
        }
    }
}
