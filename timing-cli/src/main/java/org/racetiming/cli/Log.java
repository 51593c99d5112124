package org.racetiming.cli;

import java.util.Locale;

/** Progress for people, on stderr: stdout is kept for the command's output. */
final class Log {

    private Log() {
    }

    static void info(String format, Object... args) {
        long uptimeMs = java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime();
        System.err.println(String.format(Locale.ROOT, "timing [%5.1fs] ", uptimeMs / 1000.0) + String.format(Locale.ROOT, format, args));
    }
}
