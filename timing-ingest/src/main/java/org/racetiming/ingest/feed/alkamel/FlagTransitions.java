package org.racetiming.ingest.feed.alkamel;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.racetiming.event.TrackStatus;

/**
 * Track status from FLAG_AT_FL: over all crossings in ELAPSED order, each change of flag is a
 * status change at that crossing (the first flag is a change from nothing); the first chequered
 * flag ends the race, so nothing after it counts.
 */
final class FlagTransitions {

    record Transition(AlKamelLap at, TrackStatus status) {
    }

    private FlagTransitions() {
    }

    static List<Transition> of(List<AlKamelLap> acceptedRows) {
        List<AlKamelLap> byTime = new ArrayList<>(acceptedRows);
        byTime.sort(Comparator.comparingLong(AlKamelLap::elapsedMs)); // stable: file order at equal times
        List<Transition> transitions = new ArrayList<>();
        TrackStatus current = null;
        for (AlKamelLap row : byTime) {
            TrackStatus flag = row.flag();
            if (flag == null || flag == current) {
                continue;
            }
            transitions.add(new Transition(row, flag));
            current = flag;
            if (flag == TrackStatus.CHEQUERED) {
                break;
            }
        }
        return transitions;
    }
}
