package org.racetiming.standings.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.racetiming.event.Driver;
import org.racetiming.event.SessionType;
import org.racetiming.event.TrackStatus;
import org.racetiming.output.CarState;
import org.racetiming.output.DriverTime;
import org.racetiming.output.CarGaps;
import org.racetiming.output.CarStanding;
import org.racetiming.output.Standings;

/**
 * Turns a ranked {@link Board} into the Avro output records. New records on every call: Avro records are mutable
 * and the board is shared between calls.
 */
final class StandingsWriter {

    /** The session-level facts every output record carries; {@code setup} is null before the session's start. */
    record Header(String sessionId, SessionSetup setup, long sessionTimeMs, TrackStatus trackStatus,
                  boolean chequered, Long chequeredAtMs, boolean classificationFinal, long eventsSeen) {

        int pointsPerLap() {
            return setup == null ? 1 : setup.pointsPerLap();
        }
    }

    private StandingsWriter() {
    }

    static Standings standings(Header header, Board board, String carClass) {
        BestLaps bests = BestLaps.of(board);
        List<CarStanding> cars = new ArrayList<>();
        for (Board.Line line : board.lines()) {
            if (carClass == null || carClass.equals(line.car().carClass())) {
                cars.add(carStanding(header, line, bests));
            }
        }
        return Standings.newBuilder()
                .setSessionId(header.sessionId())
                .setSessionName(header.setup() == null ? null : header.setup().name())
                .setCarClass(carClass)
                .setSessionTimeMs(header.sessionTimeMs())
                .setTrackStatus(header.trackStatus())
                .setChequered(header.chequered())
                .setEventsSeen(header.eventsSeen())
                .setSessionType(header.setup() == null ? SessionType.RACE : header.setup().type())
                .setScheduledDurationMs(header.setup() == null ? null : header.setup().scheduledDurationMs())
                .setChequeredAtMs(header.chequeredAtMs())
                .setFinalClassification(header.classificationFinal())
                .setCars(cars)
                .build();
    }

    static CarGaps carGaps(Header header, Board.Line line) {
        return CarGaps.newBuilder()
                .setSessionId(header.sessionId())
                .setCar(line.car().number())
                .setCarClass(line.car().carClass())
                .setSessionTimeMs(header.sessionTimeMs())
                .setPosition(line.position())
                .setClassPosition(line.classPosition())
                .setLaps(line.placing().laps())
                .setCarAhead(line.carAhead())
                .setClassCarAhead(line.classCarAhead())
                .setGapFirst(GapValue.toAvro(line.gapFirst()))
                .setInterval(GapValue.toAvro(line.interval()))
                .setClassGapFirst(GapValue.toAvro(line.classGapFirst()))
                .setClassInterval(GapValue.toAvro(line.classInterval()))
                .build();
    }

    private static CarStanding carStanding(Header header, Board.Line line, BestLaps bests) {
        CarRecord car = line.car();
        Placing placing = line.placing();
        Passage latest = car.latest();
        LapStats laps = car.lapStats();
        PitAndStint pit = car.pit();
        long lastPassedMs = car.lastPassedMs();
        Long best = laps.bestLapMs();
        return CarStanding.newBuilder()
                .setCar(car.number())
                .setCarClass(car.carClass())
                .setTeam(car.team())
                .setPosition(line.position())
                .setClassPosition(line.classPosition())
                .setState(placing.state())
                .setStatus(placing.status())
                .setLaps(placing.laps())
                .setLastPoint(latest == null ? 0 : latest.progress() % header.pointsPerLap())
                .setLastPassedMs(latest == null ? null : latest.timeMs())
                .setTotalTimeMs(placing.totalTimeMs())
                .setGapFirst(GapValue.toAvro(line.gapFirst()))
                .setInterval(GapValue.toAvro(line.interval()))
                .setClassGapFirst(GapValue.toAvro(line.classGapFirst()))
                .setClassInterval(GapValue.toAvro(line.classInterval()))
                .setLastLapMs(laps.lastLapMs())
                .setBestLapMs(best)
                .setBestLapNumber(laps.bestLapNumber())
                .setLastLapPersonalBest(laps.lastLapPersonalBest())
                .setBestLapClassBest(best != null && best.equals(bests.ofClass(car.carClass())))
                .setBestLapOverallBest(best != null && best.equals(bests.overall()))
                .setLastSectorsMs(laps.lastSectors())
                .setBestSectorsMs(laps.bestSectors())
                .setPitStops(pit.pitStops())
                .setLastPitLaneMs(pit.lastPitLaneMs())
                .setStintLaps(pit.stintLaps(car.lapsDriven(header.pointsPerLap())))
                .setStintTimeMs(pit.stintTimeMs(lastPassedMs))
                .setDriverName(pit.driver())
                .setDriverTimes(withMinimums(pit.driveTimes(lastPassedMs), car, header.setup()))
                .setPenaltyLaps(car.penaltyLaps())
                .setPenaltyTimeMs(car.penaltyTimeMs())
                .setStoppedSinceMs(placing.state() == CarState.STOPPED ? StoppedCars.stoppedSince(car, header.sessionTimeMs()) : null)
                .setPitInAtMs(pit.pitInAtMs())
                .setFinished(placing.state() == CarState.FINISHED)
                .build();
    }

    /**
     * Each driver's category from the entry list, and the session's minimum drive time for it. A driver with a
     * minimum who has not driven yet is listed too, at 0: what the car still owes counts every driver, on the board
     * as in {@link DriveTimeWatch}.
     */
    private static List<DriverTime> withMinimums(List<DriverTime> times, CarRecord car, SessionSetup setup) {
        Map<String, String> categories = new HashMap<>();
        for (Driver driver : car.entry().getDrivers()) {
            if (driver.getCategory() != null) {
                categories.put(driver.getName(), driver.getCategory());
            }
        }
        if (categories.isEmpty()) {
            return times;
        }
        Set<String> driven = new HashSet<>();
        for (DriverTime time : times) {
            String category = categories.get(time.getDriverName());
            time.setCategory(category);
            time.setMinimumMs(category == null || setup == null ? null : setup.minimumDriveMsByCategory().get(category));
            driven.add(time.getDriverName());
        }
        if (setup == null) {
            return times;
        }
        List<DriverTime> all = new ArrayList<>(times);
        for (Driver driver : car.entry().getDrivers()) {
            Long minimum = driver.getCategory() == null ? null : setup.minimumDriveMsByCategory().get(driver.getCategory());
            if (minimum != null && !driven.contains(driver.getName())) {
                all.add(DriverTime.newBuilder().setDriverName(driver.getName()).setTimeMs(0)
                        .setCategory(driver.getCategory()).setMinimumMs(minimum).build());
            }
        }
        return all;
    }

    /** Best lap overall and per class, for the purple/green highlighting on screens. */
    private record BestLaps(Long overall, Map<String, Long> byClass) {

        static BestLaps of(Board board) {
            Long overall = null;
            Map<String, Long> byClass = new HashMap<>();
            for (Board.Line line : board.lines()) {
                Long best = line.car().lapStats().bestLapMs();
                if (best != null) {
                    overall = overall == null ? best : Math.min(overall, best);
                    byClass.merge(line.car().carClass(), best, Math::min);
                }
            }
            return new BestLaps(overall, byClass);
        }

        Long ofClass(String carClass) {
            return byClass.get(carClass);
        }
    }
}
