package org.racetiming.ingest.feed.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class SimulatorConfigTest {

    @Test
    void shouldDefaultToASixHourRaceOfFortyFiveCarsWithSeed42() {
        SimulatorConfig config = SimulatorConfig.defaults("demo");

        assertThat(config.sessionId()).isEqualTo("demo");
        assertThat(config.cars()).isEqualTo(45);
        assertThat(config.duration()).isEqualTo(Duration.ofHours(6));
        assertThat(config.seed()).isEqualTo(42);
        assertThat(config.start()).isEqualTo(SimulatorConfig.DEFAULT_START);
    }

    @Test
    void shouldKeepTheStartToTheMillisecondBecauseEventsCarryWallClockInMillis() {
        SimulatorConfig config = SimulatorConfig.defaults("demo").withStart(Instant.parse("2025-01-01T10:00:00.123456789Z"));

        assertThat(config.start()).isEqualTo(Instant.parse("2025-01-01T10:00:00.123Z"));
    }

    @Test
    void shouldRejectAGridTooSmallForThreeClassesOrTooLarge() {
        SimulatorConfig config = SimulatorConfig.defaults("demo");

        assertThatThrownBy(() -> config.withCars(2)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cars");
        assertThatThrownBy(() -> config.withCars(121)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cars");
    }

    @Test
    void shouldRejectDurationsOutsideTenMinutesToTwoDays() {
        SimulatorConfig config = SimulatorConfig.defaults("demo");

        assertThatThrownBy(() -> config.withDuration(Duration.ofMinutes(9)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("duration");
        assertThatThrownBy(() -> config.withDuration(Duration.ofHours(49)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("duration");
    }

    @Test
    void shouldRejectABlankSessionId() {
        assertThatThrownBy(() -> SimulatorConfig.defaults(" ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sessionId");
    }
}
