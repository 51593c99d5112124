package org.racetiming.ingest.feed.alkamel;

import static org.racetiming.ingest.feed.alkamel.AlKamelColumn.*;

import org.apache.commons.csv.CSVRecord;
import org.racetiming.event.TrackStatus;
import org.racetiming.time.RaceTime;

/** Turns one CSV row into an {@link AlKamelLap}, or says in words why it cannot. */
final class AlKamelRowParser {

    private final AlKamelHeader header;
    private final String sourceName;

    AlKamelRowParser(AlKamelHeader header, String sourceName) {
        this.header = header;
        this.sourceName = sourceName;
    }

    /** @throws BadRowException with the reason */
    AlKamelLap parse(CSVRecord row, int line, String raw) {
        String widthProblem = header.checkWidth(row);
        if (widthProblem != null) {
            throw new BadRowException(widthProblem);
        }
        String car = required(row, NUMBER);
        int lap = wholeNumber(row, LAP_NUMBER, required(row, LAP_NUMBER));
        long elapsed = time(row, ELAPSED, required(row, ELAPSED));
        Long lapTime = time(row, LAP_TIME);
        Long s1 = time(row, S1);
        Long s2 = time(row, S2);
        if (lapTime != null && s1 != null && s2 != null && s1 + s2 > lapTime) {
            throw new BadRowException("S1 + S2 (" + RaceTime.formatShort(s1 + s2) + ") is longer than LAP_TIME ("
                    + RaceTime.formatShort(lapTime) + ")");
        }
        String seatText = header.get(row, DRIVER_NUMBER);
        Integer seat = seatText == null ? null : wholeNumber(row, DRIVER_NUMBER, seatText);
        if (seat != null && seat < 0) {
            throw new BadRowException("DRIVER_NUMBER " + seat + " is not a seat");
        }
        return new AlKamelLap(line, sourceName + ":" + line, raw,
                car, seat, header.get(row, DRIVER_NAME), lap,
                lapTime, s1, s2, time(row, S3), inPit(row), elapsed, time(row, PIT_TIME),
                speed(row, KPH), speed(row, TOP_SPEED),
                header.get(row, CLASS), header.get(row, GROUP), header.get(row, TEAM), header.get(row, MANUFACTURER),
                flag(row));
    }

    private String required(CSVRecord row, AlKamelColumn column) {
        String value = header.get(row, column);
        if (value == null) {
            throw new BadRowException("missing " + column);
        }
        return value;
    }

    private static int wholeNumber(CSVRecord row, AlKamelColumn column, String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new BadRowException(column + " '" + text + "' is not a whole number");
        }
    }

    private Long time(CSVRecord row, AlKamelColumn column) {
        String text = header.get(row, column);
        return text == null ? null : time(row, column, text);
    }

    private static long time(CSVRecord row, AlKamelColumn column, String text) {
        try {
            return RaceTime.parse(text);
        } catch (IllegalArgumentException e) {
            throw new BadRowException(column + " '" + text + "' is not a time");
        }
    }

    private Double speed(CSVRecord row, AlKamelColumn column) {
        String text = header.get(row, column);
        if (text == null) {
            return null;
        }
        double value;
        try {
            value = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new BadRowException(column + " '" + text + "' is not a number");
        }
        if (!Double.isFinite(value) || value < 0) {
            throw new BadRowException(column + " '" + text + "' is not a speed");
        }
        return value;
    }

    private boolean inPit(CSVRecord row) {
        String text = header.get(row, CROSSING_FINISH_LINE_IN_PIT);
        if (text == null) {
            return false;
        }
        if (text.equals("B")) {
            return true;
        }
        throw new BadRowException("CROSSING_FINISH_LINE_IN_PIT '" + text + "' is neither B nor empty");
    }

    private TrackStatus flag(CSVRecord row) {
        String text = header.get(row, FLAG_AT_FL);
        if (text == null) {
            return null;
        }
        return switch (text) {
            case "GF" -> TrackStatus.GREEN;
            case "FCY" -> TrackStatus.FULL_COURSE_YELLOW;
            case "SF" -> TrackStatus.SAFETY_CAR;
            case "RF" -> TrackStatus.RED;
            case "FF" -> TrackStatus.CHEQUERED;
            // Rejected rather than ignored so that a new flag code is seen, not silently lost.
            default -> throw new BadRowException("FLAG_AT_FL '" + text + "' is not a known flag (GF, FCY, SF, RF, FF)");
        };
    }
}
