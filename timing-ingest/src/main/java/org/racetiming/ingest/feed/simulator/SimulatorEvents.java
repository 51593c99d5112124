package org.racetiming.ingest.feed.simulator;

import java.time.Instant;
import java.util.List;

import org.racetiming.event.CarRetired;
import org.racetiming.event.DriverChanged;
import org.racetiming.event.LapCompleted;
import org.racetiming.event.PitIn;
import org.racetiming.event.PitOut;
import org.racetiming.event.SessionEnded;
import org.racetiming.event.SessionStarted;
import org.racetiming.event.TimingEvent;
import org.racetiming.event.TimingPointPassed;
import org.racetiming.event.TrackStatus;
import org.racetiming.event.TrackStatusChanged;
import org.racetiming.ingest.feed.EventIds;

/**
 * Wraps payloads in envelopes. Event ids name what happened and where ({@code lap/51/12},
 * {@code tp/51/13/1}, {@code pit-in/51/16}), so that a re-run of the same seed is recognised as
 * duplicates by the ingest de-duplication.
 */
final class SimulatorEvents {

    static final String SOURCE = "simulator";

    private final String sessionId;
    private final Instant start;

    SimulatorEvents(String sessionId, Instant start) {
        this.sessionId = sessionId;
        this.start = start;
    }

    TimingEvent sessionStarted(SessionStarted payload) {
        return envelope("session", 0, payload);
    }

    TimingEvent timingPoint(String car, int lap, int point, long atMs, long sectorMs) {
        return envelope("tp/" + car + "/" + lap + "/" + point, atMs, new TimingPointPassed(car, lap, point, sectorMs));
    }

    TimingEvent lapCompleted(long atMs, String car, int lap, long lapMs, List<Long> sectorsMs, boolean inPit,
                             SimulatedDriver driver, double kph, double topSpeedKph) {
        LapCompleted payload = new LapCompleted(car, lap, lapMs, sectorsMs, inPit, driver.seat(), driver.name(),
                kph, topSpeedKph);
        return envelope("lap/" + car + "/" + lap, atMs, payload);
    }

    TimingEvent pitIn(String car, int lap, long atMs) {
        return envelope("pit-in/" + car + "/" + lap, atMs, new PitIn(car, lap));
    }

    TimingEvent pitOut(String car, int lap, long atMs, long pitLaneMs) {
        return envelope("pit-out/" + car + "/" + lap, atMs, new PitOut(car, lap, pitLaneMs));
    }

    /** {@code lap} is the out-lap the new driver starts. */
    TimingEvent driverChanged(String car, int lap, long atMs, SimulatedDriver driver) {
        return envelope("driver/" + car + "/" + lap, atMs, new DriverChanged(car, driver.seat(), driver.name()));
    }

    TimingEvent retired(String car, long atMs, String reason) {
        return envelope("retired/" + car, atMs, new CarRetired(car, reason));
    }

    TimingEvent trackStatus(String id, long atMs, TrackStatusChanged payload) {
        return envelope(id, atMs, payload);
    }

    TimingEvent chequered(long atMs) {
        return envelope("chequered", atMs, new TrackStatusChanged(TrackStatus.CHEQUERED, null, true));
    }

    /** The race is over and every car is done: the results are final. */
    TimingEvent sessionEnded(long atMs) {
        return envelope(EventIds.sessionEnded(), atMs, new SessionEnded(null));
    }

    private TimingEvent envelope(String eventId, long atMs, Object payload) {
        return new TimingEvent(eventId, sessionId, atMs, start.plusMillis(atMs), SOURCE, payload);
    }
}
