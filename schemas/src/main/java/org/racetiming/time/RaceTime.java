package org.racetiming.time;

/**
 * Race times as timing people write them, in integer milliseconds.
 *
 * <p>Parses {@code S.mmm}, {@code M:SS.mmm} and {@code H:MM:SS.mmm} (hours may exceed 23: a 24-hour
 * race ends past {@code 24:00:00}), and the older Al Kamel form with an apostrophe before the
 * seconds ({@code 6:00'43.702}, {@code 1'01.442}). Never goes through floating point, so a time
 * survives parse and format to the millisecond.
 */
public final class RaceTime {

    private RaceTime() {
    }

    /**
     * Parses a race time to milliseconds.
     *
     * @throws IllegalArgumentException with the offending text when it is not a time
     */
    public static long parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("no time given");
        }
        String s = text.trim().replace('\'', ':');
        if (s.isEmpty()) {
            throw new IllegalArgumentException("empty time");
        }
        String[] parts = s.split(":", -1);
        if (parts.length > 3) {
            throw new IllegalArgumentException("not a time: '" + text + "'");
        }
        long ms = parseSeconds(parts[parts.length - 1], text);
        if (parts.length > 1 && ms >= 60_000) {
            throw new IllegalArgumentException("not a time: '" + text + "' (seconds over 59)");
        }
        if (parts.length == 3) {
            long minutes = parseWhole(parts[1], text);
            if (minutes >= 60) {
                throw new IllegalArgumentException("not a time: '" + text + "' (minutes over 59)");
            }
            // Hours are not bounded: a 24-hour race ends past 24:00:00.
            return parseWhole(parts[0], text) * 3_600_000 + minutes * 60_000 + ms;
        }
        if (parts.length == 2) {
            return parseWhole(parts[0], text) * 60_000 + ms;
        }
        return ms;
    }

    /** Parses a time, or returns null for a blank field (a missing sector or lap time). */
    public static Long parseOrNull(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return parse(text);
    }

    private static long parseSeconds(String field, String whole) {
        int dot = field.indexOf('.');
        String secs = dot < 0 ? field : field.substring(0, dot);
        String frac = dot < 0 ? "" : field.substring(dot + 1);
        if (frac.length() > 3) {
            throw new IllegalArgumentException("not a time: '" + whole + "' (more than milliseconds)");
        }
        long seconds = parseWhole(secs, whole);
        long millis = frac.isEmpty() ? 0 : parseWhole(frac, whole) * (frac.length() == 1 ? 100 : frac.length() == 2 ? 10 : 1);
        return seconds * 1000 + millis;
    }

    private static long parseWhole(String field, String whole) {
        if (field.isEmpty() || field.length() > 9) {
            throw new IllegalArgumentException("not a time: '" + whole + "'");
        }
        long value = 0;
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c < '0' || c > '9') {
                throw new IllegalArgumentException("not a time: '" + whole + "'");
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** {@code H:MM:SS.mmm}, e.g. {@code 24:00:18.099}. */
    public static String formatHms(long ms) {
        String sign = ms < 0 ? "-" : "";
        long a = Math.abs(ms);
        return String.format(java.util.Locale.ROOT, "%s%d:%02d:%02d.%03d", sign, a / 3_600_000, a / 60_000 % 60, a / 1000 % 60, a % 1000);
    }

    /** The shortest usual form: {@code S.mmm}, {@code M:SS.mmm} or {@code H:MM:SS.mmm}. */
    public static String formatShort(long ms) {
        long a = Math.abs(ms);
        String sign = ms < 0 ? "-" : "";
        if (a < 60_000) {
            return String.format(java.util.Locale.ROOT, "%s%d.%03d", sign, a / 1000, a % 1000);
        }
        if (a < 3_600_000) {
            return String.format(java.util.Locale.ROOT, "%s%d:%02d.%03d", sign, a / 60_000, a / 1000 % 60, a % 1000);
        }
        return formatHms(ms);
    }

    /**
     * A gap as timing screens show it: {@code 1 Lap}, {@code 3 Laps}, or a time. Negative laps
     * happen in final classifications, where a Not classified car with more laps stands below a
     * Classified one; Al Kamel prints them as {@code -25 Laps}.
     */
    public static String formatGap(int laps, long timeMs) {
        if (laps != 0) {
            return laps + (Math.abs(laps) == 1 ? " Lap" : " Laps");
        }
        return formatShort(timeMs);
    }
}
