package org.racetiming.standings.http;

import java.util.ArrayList;
import java.util.List;
import org.racetiming.event.PitOut;
import org.racetiming.event.TimingEvent;
import org.racetiming.ingest.feed.simulator.RaceSimulator;
import org.racetiming.ingest.feed.simulator.SimulatorConfig;

/** The demo's simulated race with a few cars, run until several of them have made a pit stop and done laps since. */
final class PitStopRace {

    private static final int STOPS = 3;
    private static final int EVENTS_AFTER = 300;

    private final String sessionId;
    private final List<TimingEvent> events = new ArrayList<>();

    PitStopRace(String sessionId, int cars) {
        this.sessionId = sessionId;
        RaceSimulator simulator = new RaceSimulator(SimulatorConfig.defaults(sessionId).withCars(cars));
        int stops = 0;
        int after = 0;
        while (simulator.hasNext() && after < EVENTS_AFTER) {
            TimingEvent event = simulator.next();
            events.add(event);
            if (event.getPayload() instanceof PitOut) {
                stops++;
            }
            if (stops >= STOPS) {
                after++;
            }
        }
    }

    String sessionId() {
        return sessionId;
    }

    List<TimingEvent> events() {
        return events;
    }
}
