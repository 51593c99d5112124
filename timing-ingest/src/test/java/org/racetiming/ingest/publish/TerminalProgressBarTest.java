package org.racetiming.ingest.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TerminalProgressBarTest {

    private long now = 0;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final TerminalProgressBar bar = new TerminalProgressBar(new PrintStream(bytes, true, StandardCharsets.UTF_8),
            1_000, 86_400_000L, () -> now);

    private String shown() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void shouldShowShareDoneSessionTimeAndRate() {
        now = 2_000_000_000L;

        assertThat(bar.line(500, 43_200_000L, now))
                .isEqualTo("[###############...............]  50%  12:00:00 / 24:00:00  500 events  250/s ");
    }

    @Test
    void shouldRedrawInPlaceAtMostFiveTimesASecond() {
        bar.update(1, 1_000);
        now += 50_000_000L;
        bar.update(2, 2_000);
        now += 200_000_000L;
        bar.update(3, 3_000);

        assertThat(shown().chars().filter(c -> c == '\r').count()).isEqualTo(2);
        assertThat(shown()).doesNotContain("\n");
    }

    @Test
    void shouldAlwaysDrawTheLastEventAndEndTheLine() {
        bar.update(1, 1_000);
        bar.update(1_000, 86_400_000L);
        bar.finish();

        assertThat(shown()).contains("100%").endsWith(System.lineSeparator());
    }

    @Test
    void shouldLeaveNothingBehindWhenNothingWasDrawn() {
        bar.finish();

        assertThat(shown()).isEmpty();
    }
}
