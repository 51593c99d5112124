package org.racetiming.ingest.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class IdleSessionsTest {

    private static final Duration IDLE = Duration.ofMinutes(30);
    private final AtomicLong clock = new AtomicLong();
    private final List<String> evicted = new ArrayList<>();
    private final IdleSessions<StringBuilder> sessions = new IdleSessions<>(IDLE, clock::get, StringBuilder::new, evicted::add);

    @Test
    void shouldLetASessionNotPostedToForTheIdleTimeLeaveMemory() {
        StringBuilder finished = sessions.acquire("lm23");
        advance(Duration.ofMinutes(20));
        sessions.acquire("spa24");
        advance(Duration.ofMinutes(11));

        sessions.acquire("spa24"); // a sweep is due: lm23 has been idle for 31 minutes

        assertThat(evicted).containsExactly("lm23");
        assertThat(sessions.size()).isEqualTo(1);
        assertThat(sessions.evicted("lm23", finished)).isTrue();
        assertThat(sessions.peek("lm23")).isNull();
    }

    @Test
    void shouldKeepASessionInUseAndGiveAReturningSessionFreshState() {
        StringBuilder first = sessions.acquire("lm23");
        for (int i = 0; i < 10; i++) {
            advance(Duration.ofMinutes(10));
            assertThat(sessions.acquire("lm23")).isSameAs(first);
        }
        assertThat(evicted).isEmpty();

        advance(Duration.ofHours(2));
        sessions.acquire("other");
        StringBuilder again = sessions.acquire("lm23");

        assertThat(evicted).containsExactly("lm23");
        assertThat(again).isNotSameAs(first);
        assertThat(sessions.evicted("lm23", again)).isFalse();
    }

    @Test
    void shouldSweepAtMostOnceATenthOfTheIdleTime() {
        sessions.acquire("lm23");
        advance(Duration.ofMinutes(28));
        sessions.acquire("spa24"); // sweeps: lm23 is not idle yet
        advance(Duration.ofSeconds(150));

        sessions.acquire("spa24"); // lm23 idle for 30.5 minutes, but the last sweep was 2.5 minutes ago
        assertThat(evicted).isEmpty();

        advance(Duration.ofSeconds(30));
        sessions.acquire("spa24"); // 3 minutes: a tenth of the idle time
        assertThat(evicted).containsExactly("lm23");
    }

    private void advance(Duration duration) {
        clock.addAndGet(duration.toNanos());
    }
}
