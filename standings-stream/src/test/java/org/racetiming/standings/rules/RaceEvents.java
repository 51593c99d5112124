package org.racetiming.standings.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.racetiming.event.CarRetired;
import org.racetiming.event.Driver;
import org.racetiming.event.DriverChanged;
import org.racetiming.event.Entry;
import org.racetiming.event.LapCompleted;
import org.racetiming.event.MinimumDriveTime;
import org.racetiming.event.PenaltyApplied;
import org.racetiming.event.PitIn;
import org.racetiming.event.PitOut;
import org.racetiming.event.SessionStarted;
import org.racetiming.event.SessionType;
import org.racetiming.event.TimingEvent;
import org.racetiming.event.TimingPointPassed;
import org.racetiming.event.TrackStatus;
import org.racetiming.event.TrackStatusChanged;
import org.racetiming.time.RaceTime;

/**
 * Builds the events of a small made-up session, so that a test reads like a race report:
 * {@code race.lap("51", 1, "3:30.000")}. Times are race times as timing people write them. Every event gets a
 * fresh id unless the test re-sends one on purpose.
 */
final class RaceEvents {

    static final String SESSION = "test-session";

    private final SessionType type;
    private final List<Entry> entries = new ArrayList<>();
    private List<String> points = List.of("S1", "S2");
    private Long durationMs;
    private final List<MinimumDriveTime> minimums = new ArrayList<>();
    private int nextId;

    private RaceEvents(SessionType type) {
        this.type = type;
    }

    static RaceEvents race() {
        return new RaceEvents(SessionType.RACE);
    }

    static RaceEvents qualifying() {
        return new RaceEvents(SessionType.QUALIFYING);
    }

    RaceEvents points(String... names) {
        points = List.of(names);
        return this;
    }

    RaceEvents duration(String time) {
        durationMs = RaceTime.parse(time);
        return this;
    }

    RaceEvents car(String number, String carClass) {
        entries.add(Entry.newBuilder().setCar(number).setCarClass(carClass).setTeam("Team " + number).build());
        return this;
    }

    /** A car with its line-up, each driver "Name:CATEGORY", in seat order. */
    RaceEvents lineUp(String number, String carClass, String... drivers) {
        List<Driver> lineUp = new ArrayList<>();
        for (String driver : drivers) {
            String[] parts = driver.split(":");
            lineUp.add(Driver.newBuilder().setSeat(lineUp.size() + 1).setName(parts[0]).setCategory(parts[1]).build());
        }
        entries.add(Entry.newBuilder().setCar(number).setCarClass(carClass).setTeam("Team " + number)
                .setDrivers(lineUp).build());
        return this;
    }

    /** The session's minimum drive time for a driver category. */
    RaceEvents minimum(String category, String time) {
        minimums.add(MinimumDriveTime.newBuilder().setCategory(category).setMinimumMs(ms(time)).build());
        return this;
    }

    RaceEvents cars(String carClass, String... numbers) {
        for (String number : numbers) {
            car(number, carClass);
        }
        return this;
    }

    static long ms(String time) {
        return RaceTime.parse(time);
    }

    /** A session that has already taken this race's SessionStarted. */
    RaceSession session() {
        RaceSession session = new RaceSession(SESSION);
        apply(session, started());
        return session;
    }

    static void apply(RaceSession session, TimingEvent... events) {
        apply(session, Arrays.asList(events));
    }

    static void apply(RaceSession session, List<TimingEvent> events) {
        for (TimingEvent event : events) {
            ApplyResult result = session.apply(event);
            assertThat(result.applied()).as("applied %s (%s)", event.getPayload(), result.reason()).isTrue();
        }
    }

    TimingEvent started() {
        return event("0.000", SessionStarted.newBuilder()
                .setName("Test " + type)
                .setSessionType(type)
                .setScheduledDurationMs(durationMs)
                .setIntermediatePoints(points)
                .setEntries(entries)
                .setMinimumDriveTimes(minimums)
                .build());
    }

    TimingEvent lap(String car, int lap, String at) {
        return lap(car, lap, at, null);
    }

    TimingEvent lap(String car, int lap, String at, String lapTime) {
        return lap(car, lap, at, lapTime, false, null);
    }

    TimingEvent lap(String car, int lap, String at, String lapTime, boolean inPit, String driver) {
        return event(at, LapCompleted.newBuilder()
                .setCar(car)
                .setLap(lap)
                .setLapTimeMs(lapTime == null ? null : ms(lapTime))
                .setSectorTimesMs(new ArrayList<>())
                .setCrossedInPit(inPit)
                .setDriverName(driver)
                .build());
    }

    TimingEvent lapWithSectors(String car, int lap, String at, String lapTime, String... sectors) {
        List<Long> times = new ArrayList<>();
        for (String sector : sectors) {
            times.add(sector == null ? null : ms(sector));
        }
        return event(at, LapCompleted.newBuilder()
                .setCar(car)
                .setLap(lap)
                .setLapTimeMs(lapTime == null ? null : ms(lapTime))
                .setSectorTimesMs(times)
                .build());
    }

    /** Car passes intermediate {@code point} (1-based) while driving {@code lap}. */
    TimingEvent point(String car, int lap, int point, String at) {
        return event(at, TimingPointPassed.newBuilder().setCar(car).setLap(lap).setPoint(point).build());
    }

    TimingEvent point(String car, int lap, int point, String at, String sectorTime) {
        return event(at, TimingPointPassed.newBuilder().setCar(car).setLap(lap).setPoint(point)
                .setSectorTimeMs(ms(sectorTime)).build());
    }

    TimingEvent pitIn(String car, int lap, String at) {
        return event(at, PitIn.newBuilder().setCar(car).setLap(lap).build());
    }

    TimingEvent pitOut(String car, int lap, String at, String pitLaneTime) {
        return event(at, PitOut.newBuilder().setCar(car).setLap(lap)
                .setPitLaneTimeMs(pitLaneTime == null ? null : ms(pitLaneTime)).build());
    }

    TimingEvent driver(String car, String name, String at) {
        return event(at, DriverChanged.newBuilder().setCar(car).setDriverName(name).build());
    }

    TimingEvent status(TrackStatus status, String at) {
        return event(at, TrackStatusChanged.newBuilder().setStatus(status).build());
    }

    TimingEvent zone(TrackStatus status, String zone, boolean active, String at) {
        return event(at, TrackStatusChanged.newBuilder().setStatus(status).setZone(zone).setActive(active).build());
    }

    TimingEvent retired(String car, String at) {
        return event(at, CarRetired.newBuilder().setCar(car).setReason("accident").build());
    }

    TimingEvent sessionEnd(String at) {
        return event(at, org.racetiming.event.SessionEnded.newBuilder().build());
    }

    TimingEvent penalty(String car, int laps, long timeMs, String at) {
        return event(at, PenaltyApplied.newBuilder().setCar(car).setLaps(laps).setTimeMs(timeMs).build());
    }

    /**
     * A car lapping steadily: for each lap from {@code firstLap} to {@code lastLap}, its intermediate points at equal
     * shares of the lap and the finish-line crossing, starting at {@code startAt} (the car's previous crossing).
     */
    List<TimingEvent> steadyLaps(String car, int firstLap, int lastLap, String startAt, String lapTime) {
        long lapMs = ms(lapTime);
        long t = ms(startAt);
        int sectors = points.size() + 1;
        List<TimingEvent> events = new ArrayList<>();
        for (int lap = firstLap; lap <= lastLap; lap++) {
            for (int point = 1; point < sectors; point++) {
                events.add(event(t + lapMs * point / sectors,
                        TimingPointPassed.newBuilder().setCar(car).setLap(lap).setPoint(point).build()));
            }
            t += lapMs;
            events.add(event(t, LapCompleted.newBuilder().setCar(car).setLap(lap).setLapTimeMs(lapMs).build()));
        }
        return events;
    }

    /** Several cars' events merged in session-time order, as a feed delivers them. */
    @SafeVarargs
    static List<TimingEvent> inTimeOrder(List<TimingEvent>... perCar) {
        List<TimingEvent> all = new ArrayList<>();
        for (List<TimingEvent> events : perCar) {
            all.addAll(events);
        }
        all.sort((a, b) -> Long.compare(a.getSessionTimeMs(), b.getSessionTimeMs()));
        return all;
    }

    /** The same event under another session id (a routing mistake upstream). */
    static TimingEvent forSession(TimingEvent event, String sessionId) {
        return TimingEvent.newBuilder(event).setSessionId(sessionId).build();
    }

    /** The same event with a fresh id: what a replayed feed line looks like. */
    TimingEvent resent(TimingEvent event) {
        return TimingEvent.newBuilder(event).setEventId("evt-" + nextId++).build();
    }

    private TimingEvent event(String at, Object payload) {
        return event(ms(at), payload);
    }

    private TimingEvent event(long atMs, Object payload) {
        return TimingEvent.newBuilder()
                .setEventId("evt-" + nextId++)
                .setSessionId(SESSION)
                .setSessionTimeMs(atMs)
                .setWallClock(Instant.ofEpochMilli(1_686_400_000_000L + atMs))
                .setSource("test")
                .setPayload(payload)
                .build();
    }
}
