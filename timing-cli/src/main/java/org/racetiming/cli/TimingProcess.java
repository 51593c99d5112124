package org.racetiming.cli;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.racetiming.embedded.Directories;

/**
 * The {@code timing} process around a command: its own temporary directory ({@link ProcessTempDir}), and Ctrl-C.
 * Ctrl-C (SIGINT, SIGTERM) interrupts the command's thread, which then closes what it started (flushing what it
 * published, stopping the topology, the broker and the registry) while the JVM waits, a bounded time; then the
 * temporary directory goes and the process says how long stopping took.
 */
final class TimingProcess {
    /** Past this the JVM exits anyway; what is left in the temporary directory is swept by the next start. */
    static final long STOP_BUDGET_SECONDS = 9;
    private static volatile boolean stopRequested;

    private TimingProcess() {
    }

    /** True once Ctrl-C was pressed: an interrupted command then ends quietly, without an error. */
    static boolean stopRequested() {
        return stopRequested;
    }

    /** Blocks until Ctrl-C (an interrupt of this thread); returns with the interrupt handled, ready to close. */
    static void awaitCtrlC() {
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            // Ctrl-C: the caller closes what it started, with the interrupt flag clear
        }
    }

    /**
     * Runs {@code close} with the interrupt flag clear, restoring it afterwards: a Ctrl-C that interrupted the work
     * must not also cut short the closing of a broker, a topology or a producer.
     */
    static void closeUninterrupted(Runnable close) {
        boolean interrupted = Thread.interrupted();
        try {
            close.run();
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Runs the command line; returns its exit code. */
    static int run(String[] args) {
        Optional<Path> tempDir = ProcessTempDir.adopt();
        CountDownLatch finished = new CountDownLatch(1);
        Thread command = Thread.currentThread();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (finished.getCount() > 0) {
                stop(command, finished);
            }
            tempDir.ifPresent(Directories::deleteQuietly);
        }, "timing-stop"));
        try {
            return TimingCommand.commandLine().execute(args);
        } finally {
            finished.countDown();
        }
    }

    private static void stop(Thread command, CountDownLatch finished) {
        long started = System.nanoTime();
        stopRequested = true;
        Log.info("stopping (Ctrl-C)...");
        command.interrupt();
        try {
            if (finished.await(STOP_BUDGET_SECONDS, TimeUnit.SECONDS)) {
                Log.info("stopped in %.1f s", (System.nanoTime() - started) / 1e9);
            } else {
                Log.info("did not stop within %d s: exiting anyway", STOP_BUDGET_SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
