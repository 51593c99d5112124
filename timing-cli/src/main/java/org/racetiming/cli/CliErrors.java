package org.racetiming.cli;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/** A failed command prints one clear line on stderr (the cause chain, no stack trace) and exits non-zero. */
final class CliErrors implements IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception e, CommandLine cmd, ParseResult parsed) {
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
