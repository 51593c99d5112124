package org.racetiming.standings.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

/** Every task runs once, whoever adds it and whenever: none is left in the queue when a drainer stops. */
class SenderPoolTest {

    @Test
    void shouldRunEveryTaskOnceWhenManyThreadsAddThemAtOnce() throws InterruptedException {
        int perThread = 50_000;
        int producers = 4;
        AtomicIntegerArray runs = new AtomicIntegerArray(perThread * producers);
        AtomicInteger concurrent = new AtomicInteger();
        AtomicInteger mostConcurrent = new AtomicInteger();
        try (SenderPool pool = new SenderPool(2)) {
            Thread[] threads = new Thread[producers];
            for (int p = 0; p < producers; p++) {
                int base = p * perThread;
                threads[p] = new Thread(() -> {
                    for (int i = 0; i < perThread; i++) {
                        int task = base + i;
                        pool.execute(() -> {
                            mostConcurrent.accumulateAndGet(concurrent.incrementAndGet(), Math::max);
                            runs.incrementAndGet(task);
                            concurrent.decrementAndGet();
                        });
                        if (i % 1000 == 0) {
                            Thread.yield(); // let the drainers empty the queue and stop now and then
                        }
                    }
                });
                threads[p].start();
            }
            for (Thread thread : threads) {
                thread.join();
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (int i = 0; i < runs.length(); i++) {
                    if (runs.get(i) == 0) {
                        return false;
                    }
                }
                return true;
            });
            for (int i = 0; i < runs.length(); i++) {
                assertThat(runs.get(i)).as("runs of task %d", i).isEqualTo(1);
            }
            assertThat(mostConcurrent.get()).as("at most two drainers").isLessThanOrEqualTo(2);
        }
    }

    @Test
    void shouldRefuseTasksOnceClosed() {
        SenderPool pool = new SenderPool(2);
        pool.close();
        assertThatThrownBy(() -> pool.execute(() -> { })).isInstanceOf(RejectedExecutionException.class);
    }
}
