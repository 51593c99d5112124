package org.racetiming.ingest.validation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.racetiming.event.DriverChanged;
import org.racetiming.event.LapCompleted;
import org.racetiming.event.PenaltyApplied;
import org.racetiming.event.PitIn;
import org.racetiming.event.PitOut;
import org.racetiming.event.CarRetired;
import org.racetiming.event.SessionStarted;
import org.racetiming.event.TimingEvent;
import org.racetiming.event.TimingPointPassed;
import org.racetiming.event.TrackStatusChanged;
import org.racetiming.validation.EventChecks;
import org.racetiming.validation.EventChecks.SessionFacts;

/**
 * What every ingest path (Al Kamel CSV, race control, HTTP, simulator, recorded feeds) checks before it publishes an
 * event: the shared verdict of {@link EventChecks} (the standings give the same one, in the same words), and that
 * its event id was not accepted before (a repeated event is reported, and never sent twice).
 *
 * <p>Keeps per session id the facts of the last accepted {@link SessionStarted} and the ids accepted. Until a
 * session's start is seen any car is accepted. Nothing here depends on the order events arrive in: a late event is
 * not an error.
 *
 * <p>Thread-safe; every accepted id is remembered, so keep one instance per ingest path and
 * {@link #forget(String)} sessions that are over.
 */
public final class EventValidator {

    private final Map<String, SessionContext> sessions = new HashMap<>();

    /** A validator that has already accepted these events (e.g. a CSV feed's), ignoring any it would reject. */
    public static EventValidator seededWith(Iterable<TimingEvent> accepted) {
        EventValidator validator = new EventValidator();
        for (TimingEvent event : accepted) {
            validator.accept(event);
        }
        return validator;
    }

    /** Checks one event and, if accepted, remembers it. */
    public Verdict accept(TimingEvent event) {
        return acceptAll(List.of(event));
    }

    /**
     * Checks events that stand or fall together (e.g. all the events made from one CSV row), in order, each against
     * the context left by the ones before it. Remembers all of them if all are accepted, none otherwise; the verdict
     * is the first rejection.
     */
    public synchronized Verdict acceptAll(List<TimingEvent> batch) {
        Staging staging = new Staging();
        String reason = check(batch, staging);
        if (reason != null) {
            return Verdict.reject(reason);
        }
        staging.commit();
        return Verdict.accept();
    }

    /** The verdict {@link #acceptAll} would give, remembering nothing. */
    public synchronized Verdict check(List<TimingEvent> batch) {
        String reason = check(batch, new Staging());
        return reason == null ? Verdict.accept() : Verdict.reject(reason);
    }

    /** Drops everything known about a session. */
    public synchronized void forget(String sessionId) {
        sessions.remove(sessionId);
    }

    private String check(List<TimingEvent> batch, Staging staging) {
        for (TimingEvent event : batch) {
            String session = event == null ? null : event.getSessionId();
            String reason = EventChecks.problem(event, session == null ? SessionFacts.UNKNOWN : staging.facts(session));
            if (reason != null) {
                return reason;
            }
            String firstSource = staging.sourceOf(session, event.getEventId());
            if (firstSource != null) {
                return "duplicate of " + (firstSource.isEmpty() ? "an earlier event" : firstSource) + " (" + describe(event) + ")";
            }
            staging.remember(session, event);
        }
        return null;
    }

    private static String describe(TimingEvent event) {
        Object p = event.getPayload();
        if (p instanceof LapCompleted lap) {
            return "car " + lap.getCar() + " lap " + lap.getLap();
        }
        if (p instanceof TimingPointPassed point) {
            return "car " + point.getCar() + " lap " + point.getLap() + " point " + point.getPoint();
        }
        if (p instanceof PitIn pitIn) {
            return "car " + pitIn.getCar() + " pit in, lap " + pitIn.getLap();
        }
        if (p instanceof PitOut pitOut) {
            return "car " + pitOut.getCar() + " pit out, lap " + pitOut.getLap();
        }
        if (p instanceof DriverChanged change) {
            return "car " + change.getCar() + " driver change to " + change.getDriverName();
        }
        if (p instanceof TrackStatusChanged status) {
            return "track status " + status.getStatus() + (status.getZone() == null ? "" : " zone " + status.getZone())
                    + " at " + org.racetiming.time.RaceTime.formatHms(event.getSessionTimeMs());
        }
        if (p instanceof CarRetired retired) {
            return "car " + retired.getCar() + " retired";
        }
        if (p instanceof PenaltyApplied penalty) {
            return "car " + penalty.getCar() + " penalty";
        }
        return "event " + event.getEventId();
    }

    /** Per-session context: what was accepted so far. */
    private static final class SessionContext {
        private SessionFacts facts = SessionFacts.UNKNOWN;
        private final Map<String, String> sourceById = new HashMap<>();
    }

    /** Changes made by a batch, visible to the batch's later events, applied only on commit. */
    private final class Staging {
        private final Map<String, Map<String, String>> ids = new HashMap<>(2);
        private final Map<String, SessionFacts> starts = new HashMap<>(2);

        String sourceOf(String session, String id) {
            String staged = ids.getOrDefault(session, Map.of()).get(id);
            if (staged != null) {
                return staged;
            }
            SessionContext context = sessions.get(session);
            return context == null ? null : context.sourceById.get(id);
        }

        SessionFacts facts(String session) {
            SessionFacts staged = starts.get(session);
            if (staged != null) {
                return staged;
            }
            SessionContext context = sessions.get(session);
            return context == null ? SessionFacts.UNKNOWN : context.facts;
        }

        void remember(String session, TimingEvent event) {
            ids.computeIfAbsent(session, s -> new HashMap<>(16))
                    .put(event.getEventId(), event.getSource() == null ? "" : event.getSource());
            if (event.getPayload() instanceof SessionStarted start) {
                starts.put(session, SessionFacts.of(start));
            }
        }

        void commit() {
            starts.forEach((session, facts) -> sessions.computeIfAbsent(session, s -> new SessionContext()).facts = facts);
            ids.forEach((session, byId) -> sessions.computeIfAbsent(session, s -> new SessionContext()).sourceById.putAll(byId));
        }
    }
}
