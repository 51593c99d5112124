package org.racetiming.standings.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.racetiming.event.Driver;
import org.racetiming.output.CarState;
import org.racetiming.output.DriverTime;

/**
 * Drivers short of their category's minimum drive time (SessionStarted's {@code minimumDriveTimes}), said at two
 * moments a commentator can use, each once per car:
 * <ul>
 *   <li><b>when it becomes impossible</b>: the car's drivers together still need more drive time than the race has
 *   left (to the scheduled end, plus two of the car's best laps for the last lap after it). Only one driver drives
 *   at a time and time in the pit lane counts for nobody, so from then on the car cannot meet the minimums and
 *   faces the stewards. Checked for every car at the first finish-line crossing of each minute of session time, so
 *   a car parked in its garage is seen too.</li>
 *   <li><b>at the flag</b>: a car takes the chequered flag with drivers still short.</li>
 * </ul>
 * Not said: "at risk" earlier in the race. Whether a driver with an hour to make up in the last six hours is at risk
 * depends on the team's plan, which the timing does not know; the board's drive times (with their minimums) show it.
 */
final class DriveTimeWatch {

    static final String DRIVE_TIME_SHORT = "DRIVE_TIME_SHORT";
    private static final long CHECK_EVERY_MS = 60_000;

    /** A driver short of the minimum, at some moment. */
    record Shortfall(String driver, String category, long drivenMs, long minimumMs) {

        long missingMs() {
            return minimumMs - drivenMs;
        }
    }

    private long lastCheck = Long.MIN_VALUE;
    private final Set<String> impossible = new HashSet<>();
    private final Set<String> flagged = new HashSet<>();

    /** Cars whose drivers can no longer reach their minimums, checked once per minute of session time. */
    void raceGoesOn(RaceSession session, Board board, long nowMs, NotableSink sink) {
        SessionSetup setup = session.setup();
        if (setup == null || !setup.isRace() || setup.minimumDriveMsByCategory().isEmpty()
                || setup.scheduledDurationMs() == null || nowMs / CHECK_EVERY_MS == lastCheck) {
            return;
        }
        lastCheck = nowMs / CHECK_EVERY_MS;
        long left = Math.max(0, setup.scheduledDurationMs() - nowMs);
        for (Board.Line line : board.lines()) {
            CarRecord car = line.car();
            CarState state = line.placing().state();
            if (car.retired() || state == CarState.RETIRED || state == CarState.FINISHED
                    || impossible.contains(car.number())) {
                continue;
            }
            List<Shortfall> shortfalls = shortfalls(car, setup, nowMs);
            long missing = shortfalls.stream().mapToLong(Shortfall::missingMs).sum();
            Long best = car.lapStats().bestLapMs();
            if (!shortfalls.isEmpty() && DriveTimeRule.cannotMeet(missing, left, best)) {
                impossible.add(car.number());
                sink.add(nowMs, DRIVE_TIME_SHORT, car, NotableEvents.name(car)
                        + " can no longer meet the minimum drive time: " + describe(shortfalls, true) + ", "
                        + hms(left) + " of the race left");
            }
        }
    }

    /** A car takes the flag: its drivers still short, if any. */
    void flag(RaceSession session, Board.Line line, long nowMs, NotableSink sink) {
        SessionSetup setup = session.setup();
        CarRecord car = line.car();
        if (setup == null || setup.minimumDriveMsByCategory().isEmpty()
                || line.placing().state() != CarState.FINISHED || !flagged.add(car.number())) {
            return;
        }
        List<Shortfall> shortfalls = shortfalls(car, setup, nowMs);
        if (!shortfalls.isEmpty()) {
            sink.add(nowMs, DRIVE_TIME_SHORT, car, NotableEvents.name(car) + " takes the flag short of the minimum"
                    + " drive time: " + describe(shortfalls, false));
        }
    }

    /** Each driver of the line-up with a category the session sets a minimum for, and less drive time than it. */
    static List<Shortfall> shortfalls(CarRecord car, SessionSetup setup, long nowMs) {
        Map<String, Long> driven = new HashMap<>();
        for (DriverTime time : car.pit().driveTimes(nowMs)) {
            driven.put(time.getDriverName(), time.getTimeMs());
        }
        List<Shortfall> shortfalls = new ArrayList<>();
        for (Driver driver : car.entry().getDrivers()) {
            Long minimum = driver.getCategory() == null ? null
                    : setup.minimumDriveMsByCategory().get(driver.getCategory());
            long has = driven.getOrDefault(driver.getName(), 0L);
            if (minimum != null && has < minimum) {
                shortfalls.add(new Shortfall(driver.getName(), driver.getCategory(), has, minimum));
            }
        }
        return shortfalls;
    }

    private static String describe(List<Shortfall> shortfalls, boolean needs) {
        return shortfalls.stream().map(s -> s.driver() + " (" + s.category() + ") "
                + (needs ? "needs " + hms(s.missingMs()) + " more of " + hms(s.minimumMs())
                         : "drove " + hms(s.drivenMs()) + " of " + hms(s.minimumMs())))
                .collect(Collectors.joining("; "));
    }

    /** H:MM:SS, the seconds truncated: what a commentator reads. */
    static String hms(long ms) {
        long s = Math.max(0, ms) / 1000;
        return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
    }

    /** Where a found notable event goes. */
    interface NotableSink {
        void add(long atMs, String kind, CarRecord car, String text);
    }
}
