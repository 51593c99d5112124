package org.racetiming.standings.http;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads that write to live screens. One board means a short task for each of thousands of screens; a
 * thread pool's queue takes a lock and may wake a thread for every one of them. Here a task is added to a lock-free
 * queue, and at most {@code threads} drainers run the queue until it is empty, so a fan-out to 10,000 screens wakes
 * at most that many threads once.
 */
final class SenderPool implements java.util.concurrent.Executor, AutoCloseable {

    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final AtomicInteger drainers = new AtomicInteger();
    private final ExecutorService threads;
    private final int parallelism;
    private volatile boolean closed;

    SenderPool(int parallelism) {
        this.parallelism = parallelism;
        AtomicInteger names = new AtomicInteger();
        this.threads = Executors.newFixedThreadPool(parallelism, runnable -> {
            Thread thread = new Thread(runnable, "live-sender-" + names.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public void execute(Runnable task) {
        if (closed) {
            throw new RejectedExecutionException("the live senders are stopped");
        }
        tasks.add(task);
        startDrainerIfNeeded();
    }

    private void startDrainerIfNeeded() {
        while (!tasks.isEmpty()) {
            int running = drainers.get();
            if (running >= parallelism) {
                return; // a running drainer takes the task
            }
            if (drainers.compareAndSet(running, running + 1)) {
                try {
                    threads.execute(this::drain);
                } catch (RejectedExecutionException e) {
                    drainers.decrementAndGet();
                }
                return;
            }
        }
    }

    private void drain() {
        try {
            for (Runnable task = tasks.poll(); task != null && !closed; task = tasks.poll()) {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    // a screen's failure is its own (it closes itself); the others are still to be written
                }
            }
        } finally {
            drainers.decrementAndGet();
        }
        if (!closed) {
            startDrainerIfNeeded(); // a task added after the last poll, while this drainer was still counted
        }
    }

    @Override
    public void close() {
        closed = true;
        tasks.clear();
        threads.shutdownNow();
    }
}
