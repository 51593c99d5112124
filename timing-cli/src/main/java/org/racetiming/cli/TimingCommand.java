package org.racetiming.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code timing} command: one entry point for people. */
@Command(name = "timing", mixinStandardHelpOptions = true, version = "timing 0.1.0",
        description = "Live timing for endurance racing on Kafka.",
        subcommands = {ClassifyCommand.class, DemoCommand.class, StackCommand.class, IngestCommand.class, ReplayCommand.class,
                BenchmarkCommand.class, RulesBenchmarkCommand.class, SoakBenchmarkCommand.class, RecordCommand.class,
                ViewerBenchmarkCommand.class})
public final class TimingCommand {

    public static void main(String[] args) {
        System.exit(TimingProcess.run(args));
    }

    /** The command with its error handling, as {@link #main} runs it (tests run it in process). */
    public static CommandLine commandLine() {
        return new CommandLine(new TimingCommand()).setExecutionExceptionHandler(new CliErrors());
    }
}
