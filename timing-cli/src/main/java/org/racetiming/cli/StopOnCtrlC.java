package org.racetiming.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C (SIGINT/SIGTERM) interrupts the thread doing the work and waits, a bounded time, until it
 * has finished cleanly (e.g. flushed what it published), instead of the JVM dying mid-send.
 */
final class StopOnCtrlC implements AutoCloseable {

    private static final long WAIT_SECONDS = 30;

    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread hook;
    private volatile boolean requested;

    private StopOnCtrlC(Thread worker) {
        this.hook = new Thread(() -> {
            requested = true;
            worker.interrupt();
            try {
                finished.await(WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "timing-stop");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Watches for Ctrl-C on behalf of the current thread. */
    static StopOnCtrlC forCurrentThread() {
        return new StopOnCtrlC(Thread.currentThread());
    }

    /** True once Ctrl-C was pressed. */
    boolean requested() {
        return requested;
    }

    /** The work is done: a pending Ctrl-C may now end the JVM. */
    @Override
    public void close() {
        finished.countDown();
        if (!requested) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or about to: it will find the latch open
            }
        }
    }
}
