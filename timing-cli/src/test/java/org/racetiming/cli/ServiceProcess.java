package org.racetiming.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.racetiming.embedded.watch.ParentWatchJar;

/**
 * One service of the deployment as a JVM of its own, started from the jars the build put in
 * {@code timing-cli/target} (what docker-compose.yml mounts into its containers), with the service's environment
 * and nothing else of ours; its output goes to a log file. The parent-watch agent ends it within a second if the
 * test's JVM dies without cleaning up.
 */
final class ServiceProcess implements AutoCloseable {

    static final Path TARGET = Path.of("target");

    private final String name;
    private final List<String> command;
    private final Map<String, String> environment;
    private final Path log;
    private Process process;
    private int starts;

    private ServiceProcess(String name, List<String> command, Map<String, String> environment, Path log) {
        this.name = name;
        this.command = command;
        this.environment = environment;
        this.log = log;
    }

    /** Starts {@code mainClass} with the jars of timing-cli/target, a heap of {@code heap} and its own temporary directory. */
    static ServiceProcess start(String name, String mainClass, String heap, Map<String, String> environment, Path root) {
        Path dir = root.resolve(name);
        Path tmp = dir.resolve("tmp");
        try {
            Files.createDirectories(tmp);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap, "-XX:+UseSerialGC",
                // RocksDB's and LZ4's native libraries unpack here, inside the root the test deletes.
                "-Djava.io.tmpdir=" + tmp));
        command.addAll(ParentWatchJar.jvmOptions(root));
        command.addAll(List.of("-cp", TARGET.resolve("timing.jar").toAbsolutePath() + ":" + TARGET.resolve("lib").toAbsolutePath() + "/*",
                mainClass));
        ServiceProcess service = new ServiceProcess(name, command, environment, dir.resolve("output.log"));
        service.start();
        return service;
    }

    /** Starts (again, after a kill: same command, environment and state directory); the log is appended to. */
    void start() {
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        // Only the service's own variables: none of this shell's Kafka or registry settings leak in.
        builder.environment().keySet().removeIf(k -> k.startsWith("KAFKA_") || k.startsWith("SCHEMA_REGISTRY") || k.equals("CLUSTER_ID"));
        builder.environment().putAll(environment);
        try {
            process = builder.start();
            starts++;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name, e);
        }
    }

    /** kill -9: no shutdown hook, no leaving the group, no flush. */
    void kill9() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    boolean alive() {
        return process != null && process.isAlive();
    }

    String name() {
        return name;
    }

    Map<String, String> environment() {
        return environment;
    }

    /** The last lines of its output, for a failure message. */
    /** Copies the log out of the scratch directory (which the test deletes) into {@code dir}, for a reader after the run. */
    void keepLog(Path dir) {
        try {
            Files.createDirectories(dir);
            if (Files.isRegularFile(log)) {
                Files.copy(log, dir.resolve(name + ".log"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            System.out.println("could not keep the log of " + name + ": " + e);
        }
    }

    String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return "--- " + name + " (started " + starts + "x, " + (alive() ? "running" : "exited") + ") ---\n"
                    + String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "--- " + name + ": no log (" + e + ")";
        }
    }

    /** Stops it the quick way (the test is over: nothing of it is kept) and waits until it is gone. */
    @Override
    public void close() {
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
