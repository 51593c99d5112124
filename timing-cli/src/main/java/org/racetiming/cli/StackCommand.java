package org.racetiming.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.racetiming.embedded.StackEndpoints;
import org.racetiming.embedded.TimingStack;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The embedded broker and registry on their own, for the other commands, {@code IngestApp} and {@code StandingsApp}
 * as separate processes without Docker: prints the two variables that point them at it.
 */
@Command(name = "stack", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Run a Kafka broker (KRaft) and a schema registry (Apicurio) on this machine until Ctrl-C, and print the "
                    + "KAFKA_BOOTSTRAP_SERVERS and SCHEMA_REGISTRY_URL lines that point the other commands (ingest, replay, "
                    + "classify, demo) and the services (IngestApp, StandingsApp) at them.",
            "",
            "Without --data-dir everything is gone when it stops. With it, the broker's log, the registry's schemas (with "
                    + "their ids, which the stored events refer to) and the ports are kept there for the next start."})
final class StackCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Keep data, schemas and ports in DIR across restarts.")
    Path dataDir;

    @Override
    public Integer call() {
        if (System.getenv(TimingStack.BOOTSTRAP_ENV) != null || System.getenv(TimingStack.REGISTRY_ENV) != null) {
            Log.info("note: %s / %s are ignored here: this command starts its own broker and registry",
                    TimingStack.BOOTSTRAP_ENV, TimingStack.REGISTRY_ENV);
        }
        Log.info(dataDir == null ? "starting a broker and a registry (data kept until Ctrl-C only; see --data-dir)"
                : "starting a broker and a registry with their data in " + dataDir.toAbsolutePath());
        try (TimingStack stack = dataDir == null ? TimingStack.startEmbedded() : TimingStack.startPersistent(dataDir)) {
            StackEndpoints endpoints = stack.endpoints();
            // stdout: exactly the lines to paste (or eval); progress goes to stderr.
            spec.commandLine().getOut().println("export " + TimingStack.BOOTSTRAP_ENV + "=" + endpoints.bootstrapServers());
            spec.commandLine().getOut().println("export " + TimingStack.REGISTRY_ENV + "=" + endpoints.schemaRegistryUrl());
            spec.commandLine().getOut().flush();
            Log.info("stack ready; in another shell, set the two variables above, then e.g. ./timing classify FILE.csv; Ctrl-C to stop");
            try {
                TimingProcess.awaitCtrlC();
            } finally {
                Pipeline.sayWhatTheStopWaitsFor(stack);
            }
        }
        return 0;
    }
}
