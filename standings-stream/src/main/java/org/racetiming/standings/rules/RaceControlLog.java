package org.racetiming.standings.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.racetiming.event.CarRetired;
import org.racetiming.event.PenaltyApplied;
import org.racetiming.event.SessionEnded;
import org.racetiming.event.TrackStatus;
import org.racetiming.event.TrackStatusChanged;
import org.racetiming.output.RaceControlMessage;
import org.racetiming.time.RaceTime;

/**
 * The race-control messages of a session in session-time order, each a sentence a screen can show: track status
 * changes, the chequered flag, retirements, penalties, the end of the session.
 */
final class RaceControlLog {

    static final String TRACK_STATUS = "TRACK_STATUS";
    static final String CHEQUERED = "CHEQUERED";
    static final String RETIREMENT = "RETIREMENT";
    static final String PENALTY = "PENALTY";
    static final String SESSION_END = "SESSION_END";

    private final List<RaceControlMessage> messages;

    RaceControlLog() {
        this.messages = new ArrayList<>();
    }

    private RaceControlLog(List<RaceControlMessage> messages) {
        this.messages = new ArrayList<>(messages);
    }

    /** The messages are never changed once written, so a copy shares them. */
    RaceControlLog copy() {
        return new RaceControlLog(messages);
    }

    /** A change of the track conditions; the flag is said by {@link #chequered}, whatever made it fall. */
    void trackStatus(TrackStatusChanged change, long atMs) {
        if (change.getStatus() == TrackStatus.CHEQUERED) {
            return;
        }
        String text = switch (change.getStatus()) {
            case GREEN -> "Green flag";
            case YELLOW -> "Yellow flag, zone " + change.getZone();
            case SLOW_ZONE -> "Slow zone " + change.getZone();
            case FULL_COURSE_YELLOW -> "Full course yellow";
            case SAFETY_CAR -> "Safety car";
            case RED -> "Red flag";
            case CHEQUERED -> "Chequered flag";
        };
        if (!change.getActive()) {
            text = text + " ended";
        }
        add(atMs, TRACK_STATUS, null, text);
    }

    void chequered(long atMs) {
        add(atMs, CHEQUERED, null, "Chequered flag");
    }

    void carEvent(Object payload, long atMs) {
        if (payload instanceof CarRetired retired) {
            add(atMs, RETIREMENT, retired.getCar(), "Car " + retired.getCar() + " retired" + because(retired.getReason()));
        } else if (payload instanceof PenaltyApplied penalty) {
            add(atMs, PENALTY, penalty.getCar(), "Car " + penalty.getCar() + ": penalty of " + what(penalty)
                    + because(penalty.getReason()));
        }
    }

    void sessionEnded(SessionEnded end, long atMs) {
        add(atMs, SESSION_END, null, "Session ended: the results are final" + because(end.getReason()));
    }

    List<RaceControlMessage> messages() {
        return new ArrayList<>(messages);
    }

    private void add(long atMs, String kind, String car, String text) {
        messages.add(new RaceControlMessage(atMs, kind, car, text));
    }

    private static String what(PenaltyApplied penalty) {
        List<String> parts = new ArrayList<>(2);
        if (penalty.getLaps() > 0) {
            parts.add(penalty.getLaps() + (penalty.getLaps() == 1 ? " lap" : " laps"));
        }
        if (penalty.getTimeMs() > 0) {
            parts.add(RaceTime.formatShort(penalty.getTimeMs()).toLowerCase(Locale.ROOT));
        }
        return String.join(" and ", parts);
    }

    private static String because(String reason) {
        return reason == null || reason.isBlank() ? "" : " (" + reason.strip() + ")";
    }
}
