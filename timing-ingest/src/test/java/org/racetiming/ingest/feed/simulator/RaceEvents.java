package org.racetiming.ingest.feed.simulator;

import static org.assertj.core.api.Assertions.fail;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.racetiming.event.CarRetired;
import org.racetiming.event.DriverChanged;
import org.racetiming.event.Entry;
import org.racetiming.event.LapCompleted;
import org.racetiming.event.PitIn;
import org.racetiming.event.PitOut;
import org.racetiming.event.SessionEnded;
import org.racetiming.event.SessionStarted;
import org.racetiming.event.TimingEvent;
import org.racetiming.event.TimingPointPassed;
import org.racetiming.event.TrackStatusChanged;

/** Reading helpers shared by the simulator tests. */
final class RaceEvents {

    private RaceEvents() {
    }

    static Map<String, Entry> entries(List<TimingEvent> events) {
        Map<String, Entry> entries = new HashMap<>();
        ((SessionStarted) events.get(0).getPayload()).getEntries().forEach(e -> entries.put(e.getCar(), e));
        return entries;
    }

    static String car(TimingEvent e) {
        Object p = e.getPayload();
        if (p instanceof TimingPointPassed tp) {
            return tp.getCar();
        } else if (p instanceof LapCompleted lap) {
            return lap.getCar();
        } else if (p instanceof PitIn in) {
            return in.getCar();
        } else if (p instanceof PitOut out) {
            return out.getCar();
        } else if (p instanceof DriverChanged change) {
            return change.getCar();
        } else if (p instanceof CarRetired retired) {
            return retired.getCar();
        } else if (p instanceof SessionStarted || p instanceof TrackStatusChanged || p instanceof SessionEnded) {
            return null;
        }
        return fail("unexpected payload " + p);
    }
}
