package org.racetiming.ingest.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PacerTest {

    /** A clock that only moves when the pacer sleeps: the waits are exact and the test takes no time. */
    private long now = 1_000_000_000L;
    private final List<Long> sleeps = new ArrayList<>();

    private Pacer pacer(double speed) {
        return new Pacer(speed, () -> now, nanos -> {
            sleeps.add(nanos);
            now += nanos;
        });
    }

    @Test
    void shouldReleaseEventsAtTheirSessionTimeDividedByTheSpeed() throws InterruptedException {
        Pacer pacer = pacer(60);

        pacer.awaitSessionTime(0);
        pacer.awaitSessionTime(60_000);
        pacer.awaitSessionTime(180_000);

        assertThat(sleeps).containsExactly(1_000_000_000L, 2_000_000_000L);
    }

    @Test
    void shouldNotAccumulateDriftWhenPublishingTakesTime() throws InterruptedException {
        Pacer pacer = pacer(1);
        pacer.awaitSessionTime(0);
        now += 300_000_000L; // publishing the first event took 0.3 s

        pacer.awaitSessionTime(1_000);

        assertThat(sleeps).containsExactly(700_000_000L);
    }

    @Test
    void shouldMeasureFromAnExplicitStartRatherThanTheFirstEvent() throws InterruptedException {
        Pacer pacer = pacer(2);
        pacer.start(10_000);

        pacer.awaitSessionTime(14_000);

        assertThat(sleeps).containsExactly(2_000_000_000L);
    }

    @Test
    void shouldNeverWaitAsFastAsPossible() throws InterruptedException {
        Pacer pacer = pacer(Pacer.AS_FAST_AS_POSSIBLE);

        pacer.awaitSessionTime(0);
        pacer.awaitSessionTime(86_400_000);

        assertThat(sleeps).isEmpty();
        assertThat(pacer.paced()).isFalse();
    }

    @Test
    void shouldReadSpeedsAsPeopleTypeThem() {
        assertThat(Pacer.parseSpeed("max")).isInfinite();
        assertThat(Pacer.parseSpeed("MAX")).isInfinite();
        assertThat(Pacer.parseSpeed("60")).isEqualTo(60);
        assertThat(Pacer.parseSpeed("60x")).isEqualTo(60);
        assertThat(Pacer.parseSpeed("0.5")).isEqualTo(0.5);
        assertThat(Pacer.describe(60)).isEqualTo("60x");
        assertThat(Pacer.describe(Pacer.AS_FAST_AS_POSSIBLE)).isEqualTo("max");
    }

    @Test
    void shouldRefuseASpeedThatIsNotAPositiveFactor() {
        assertThatThrownBy(() -> Pacer.parseSpeed("0")).hasMessageContaining("positive factor").hasMessageContaining("'0'");
        assertThatThrownBy(() -> Pacer.parseSpeed("-2")).hasMessageContaining("'-2'");
        assertThatThrownBy(() -> Pacer.parseSpeed("fast")).hasMessageContaining("'fast'");
        assertThatThrownBy(() -> new Pacer(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
