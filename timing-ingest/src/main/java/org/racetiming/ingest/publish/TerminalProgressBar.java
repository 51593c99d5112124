package org.racetiming.ingest.publish;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;
import org.racetiming.time.RaceTime;

/**
 * One line, redrawn in place: {@code [#########...........]  45%  10:48:03 / 24:00:18  21,870 events  9,120/s}.
 * Redrawn at most every {@value #REDRAW_MS} ms, so that drawing costs nothing next to publishing.
 */
final class TerminalProgressBar implements Progress {

    static final long REDRAW_MS = 200;
    private static final int WIDTH = 30;

    private final PrintStream out;
    private final long totalEvents;
    private final long lastSessionTimeMs;
    private final LongSupplier nanoTime;
    private final long startNanos;
    private long lastDrawNanos;
    private boolean drawn;

    TerminalProgressBar(PrintStream out, long totalEvents, long lastSessionTimeMs, LongSupplier nanoTime) {
        this.out = out;
        this.totalEvents = totalEvents;
        this.lastSessionTimeMs = lastSessionTimeMs;
        this.nanoTime = nanoTime;
        this.startNanos = nanoTime.getAsLong();
        this.lastDrawNanos = startNanos - REDRAW_MS * 1_000_000;
    }

    @Override
    public void update(long eventsDone, long sessionTimeMs) {
        long now = nanoTime.getAsLong();
        if (now - lastDrawNanos < REDRAW_MS * 1_000_000 && eventsDone < totalEvents) {
            return;
        }
        lastDrawNanos = now;
        out.print('\r' + line(eventsDone, sessionTimeMs, now));
        out.flush();
        drawn = true;
    }

    String line(long eventsDone, long sessionTimeMs, long now) {
        double fraction = totalEvents <= 0 ? 1 : Math.min(1, (double) eventsDone / totalEvents);
        int filled = (int) Math.round(fraction * WIDTH);
        double seconds = Math.max(1e-9, (now - startNanos) / 1e9);
        return String.format(Locale.ROOT, "[%s%s] %3d%%  %s / %s  %,d events  %,.0f/s ",
                "#".repeat(filled), ".".repeat(WIDTH - filled), Math.round(fraction * 100),
                wholeSeconds(sessionTimeMs), wholeSeconds(lastSessionTimeMs),
                eventsDone, eventsDone / seconds);
    }

    /** H:MM:SS: milliseconds would only flicker. */
    private static String wholeSeconds(long ms) {
        String hms = RaceTime.formatHms(Math.max(0, ms));
        return hms.substring(0, hms.length() - 4);
    }

    @Override
    public void finish() {
        if (drawn) {
            out.println();
            out.flush();
        }
    }
}
