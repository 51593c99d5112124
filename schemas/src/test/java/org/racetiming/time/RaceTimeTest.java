package org.racetiming.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RaceTimeTest {

    @Test
    void shouldParseEveryUsualFormToTheMillisecond() {
        assertThat(RaceTime.parse("58.054")).isEqualTo(58_054);
        assertThat(RaceTime.parse("1:35.643")).isEqualTo(95_643);
        assertThat(RaceTime.parse("24:00:18.099")).isEqualTo(86_418_099);
        assertThat(RaceTime.parse("0:01:22.890")).isEqualTo(82_890);
        assertThat(RaceTime.parse("172.9")).isEqualTo(172_900);
    }

    @Test
    void shouldParseTheOldApostropheForm() {
        assertThat(RaceTime.parse("6:00'43.702")).isEqualTo(21_643_702);
        assertThat(RaceTime.parse("1'01.442")).isEqualTo(61_442);
    }

    @Test
    void shouldRejectWhatIsNotATime() {
        assertThatThrownBy(() -> RaceTime.parse("abc")).hasMessageContaining("'abc'");
        assertThatThrownBy(() -> RaceTime.parse("1:75.000")).hasMessageContaining("seconds over 59");
        assertThatThrownBy(() -> RaceTime.parse("1:75:00.000")).hasMessageContaining("minutes over 59");
        assertThatThrownBy(() -> RaceTime.parse("1.2345")).hasMessageContaining("more than milliseconds");
        assertThatThrownBy(() -> RaceTime.parse("-1.000")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RaceTime.parse("")).hasMessageContaining("empty");
    }

    @Test
    void shouldTreatABlankFieldAsMissing() {
        assertThat(RaceTime.parseOrNull("  ")).isNull();
        assertThat(RaceTime.parseOrNull(null)).isNull();
    }

    @Test
    void shouldFormatTimesAndGapsAsTimingScreensDo() {
        assertThat(RaceTime.formatHms(86_418_099)).isEqualTo("24:00:18.099");
        assertThat(RaceTime.formatShort(81_793)).isEqualTo("1:21.793");
        assertThat(RaceTime.formatShort(276)).isEqualTo("0.276");
        assertThat(RaceTime.formatGap(1, 0)).isEqualTo("1 Lap");
        assertThat(RaceTime.formatGap(2, 0)).isEqualTo("2 Laps");
        assertThat(RaceTime.formatGap(0, 12_600)).isEqualTo("12.600");
        assertThat(RaceTime.formatGap(-25, 0)).isEqualTo("-25 Laps");
        assertThat(RaceTime.formatGap(-1, 0)).isEqualTo("-1 Lap");
    }
}
