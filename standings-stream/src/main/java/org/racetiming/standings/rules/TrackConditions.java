package org.racetiming.standings.rules;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.racetiming.event.TrackStatus;
import org.racetiming.event.TrackStatusChanged;

/**
 * The conditions in force on track. Each condition stays until it is ended, so several can apply at once and the
 * session's status is the one with the highest priority: RED > SAFETY_CAR > FULL_COURSE_YELLOW > SLOW_ZONE >
 * YELLOW > GREEN. GREEN ends FCY, safety car and red; slow zones and local yellows end by zone.
 */
final class TrackConditions {

    private boolean red;
    private boolean safetyCar;
    private boolean fullCourseYellow;
    private final Set<String> slowZones = new LinkedHashSet<>();
    private final Set<String> yellowZones = new LinkedHashSet<>();
    private Long chequeredAtMs;
    private boolean chequeredByEvent;

    TrackConditions copy() {
        TrackConditions copy = new TrackConditions();
        copy.red = red;
        copy.safetyCar = safetyCar;
        copy.fullCourseYellow = fullCourseYellow;
        copy.slowZones.addAll(slowZones);
        copy.yellowZones.addAll(yellowZones);
        copy.chequeredAtMs = chequeredAtMs;
        copy.chequeredByEvent = chequeredByEvent;
        return copy;
    }

    /** Applies a change; returns why it changes nothing (a zone that is not active), or null. */
    String apply(TrackStatusChanged change, long atMs) {
        TrackStatus status = change.getStatus();
        boolean active = change.getActive();
        switch (status) {
            case GREEN -> {
                red = false;
                safetyCar = false;
                fullCourseYellow = false;
            }
            case RED -> red = active;
            case SAFETY_CAR -> safetyCar = active;
            case FULL_COURSE_YELLOW -> fullCourseYellow = active;
            case SLOW_ZONE, YELLOW -> {
                return applyZone(status, change.getZone(), active);
            }
            case CHEQUERED -> chequeredByEvent(atMs);
            default -> {
                return "unknown track status " + status;
            }
        }
        return null;
    }

    private String applyZone(TrackStatus status, String zone, boolean active) {
        String kind = status == TrackStatus.SLOW_ZONE ? "slow zone" : "yellow zone";
        Set<String> zones = status == TrackStatus.SLOW_ZONE ? slowZones : yellowZones;
        if (active) {
            zones.add(zone);
        } else if (!zones.remove(zone)) {
            return "no active " + kind + " '" + zone + "' to end";
        }
        return null;
    }

    /** A CHEQUERED event decides the flag; the earliest one wins if race control sends it late. */
    private void chequeredByEvent(long atMs) {
        if (!chequeredByEvent || atMs < chequeredAtMs) {
            chequeredAtMs = atMs;
        }
        chequeredByEvent = true;
    }

    /** The leader crossed the line after the scheduled duration; an event, if any, takes precedence. */
    void chequeredByDuration(long atMs) {
        if (chequeredAtMs == null) {
            chequeredAtMs = atMs;
        }
    }

    Long chequeredAtMs() {
        return chequeredAtMs;
    }

    boolean chequered() {
        return chequeredAtMs != null;
    }

    TrackStatus status() {
        if (chequeredAtMs != null) {
            return TrackStatus.CHEQUERED;
        }
        if (red) {
            return TrackStatus.RED;
        }
        if (safetyCar) {
            return TrackStatus.SAFETY_CAR;
        }
        if (fullCourseYellow) {
            return TrackStatus.FULL_COURSE_YELLOW;
        }
        if (!slowZones.isEmpty()) {
            return TrackStatus.SLOW_ZONE;
        }
        return yellowZones.isEmpty() ? TrackStatus.GREEN : TrackStatus.YELLOW;
    }

    List<String> slowZones() {
        return new ArrayList<>(slowZones);
    }

    List<String> yellowZones() {
        return new ArrayList<>(yellowZones);
    }
}
