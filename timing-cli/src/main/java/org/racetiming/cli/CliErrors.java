package org.racetiming.cli;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * A failed command prints one clear line on stderr (the cause chain, no stack trace) and exits non-zero; a
 * command ended by Ctrl-C prints nothing here ({@link TimingProcess} says it stopped).
 */
final class CliErrors implements IExecutionExceptionHandler {

    /** The exit code of a command stopped by Ctrl-C (128 + SIGINT), as shells report it. */
    static final int STOPPED = 130;

    @Override
    public int handleExecutionException(Exception e, CommandLine cmd, ParseResult parsed) {
        if (TimingProcess.stopRequested()) {
            // Whatever the interrupt broke on its way out is not an error: the user asked to stop.
            if (Boolean.getBoolean("timing.debug")) {
                e.printStackTrace(cmd.getErr());
            }
            return STOPPED;
        }
        StringBuilder message = new StringBuilder("timing: ").append(e.getMessage() == null ? e.toString() : e.getMessage());
        Throwable cause = e.getCause();
        while (cause != null && cause != cause.getCause()) {
            if (cause.getMessage() != null && !message.toString().contains(cause.getMessage())) {
                message.append(": ").append(cause.getMessage());
            }
            cause = cause.getCause();
        }
        cmd.getErr().println(message);
        if (Boolean.getBoolean("timing.debug")) {
            e.printStackTrace(cmd.getErr());
        }
        return 2;
    }
}
