package org.racetiming.ingest.publish;

import java.io.PrintStream;

/** Where a feed being published reports how far it got. */
public interface Progress {

    /** Nothing shown: for logs, pipes and tests. */
    Progress NONE = new Progress() {
        @Override
        public void update(long eventsDone, long sessionTimeMs) {
        }

        @Override
        public void finish() {
        }
    };

    /** Called after each event; implementations decide how often to show it. */
    void update(long eventsDone, long sessionTimeMs);

    /** The feed is done (or stopped): leave the terminal clean. */
    void finish();

    /**
     * A progress bar on stderr when it is a terminal ({@link System#console()} is there), else
     * {@link #NONE}: a bar of carriage returns would only litter a log file.
     */
    static Progress onTerminal(long totalEvents, long lastSessionTimeMs) {
        return System.console() == null ? NONE : new TerminalProgressBar(System.err, totalEvents, lastSessionTimeMs, System::nanoTime);
    }

    /** A progress bar on the given stream, whatever it is. */
    static Progress bar(PrintStream out, long totalEvents, long lastSessionTimeMs) {
        return new TerminalProgressBar(out, totalEvents, lastSessionTimeMs, System::nanoTime);
    }
}
