package org.racetiming.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvironmentSettingsTest {

    private final EnvironmentSettings env = new EnvironmentSettings(Map.of("PORT", " 8080 ", "BLANK", "  ", "BAD", "eighty"));

    @Test
    void shouldTreatABlankVariableAsUnset() {
        assertThat(env.text("BLANK", "fallback")).isEqualTo("fallback");
        assertThat(env.text("MISSING", null)).isNull();
        assertThat(env.number("BLANK", 7, 0, 10)).isEqualTo(7);
    }

    @Test
    void shouldReadATrimmedNumberWithinItsRange() {
        assertThat(env.number("PORT", 0, 0, 65_535)).isEqualTo(8080);
    }

    @Test
    void shouldReadAFlagInTheUsualSpellings() {
        EnvironmentSettings flags = new EnvironmentSettings(Map.of("A", "YES", "B", "0", "C", "maybe"));
        assertThat(flags.flag("A")).isTrue();
        assertThat(flags.flag("B")).isFalse();
        assertThat(flags.flag("UNSET")).isFalse();
        assertThatThrownBy(() -> flags.flag("C")).hasMessage("C must be true or false, not 'maybe'");
    }

    @Test
    void shouldNameTheVariableWhenANumberIsBadOrOutOfRange() {
        assertThatThrownBy(() -> env.number("BAD", 0, 0, 10)).hasMessage("BAD must be a whole number from 0 to 10, not 'eighty'");
        assertThatThrownBy(() -> env.number("PORT", 0, 0, 1024)).hasMessageContaining("PORT must be a whole number from 0 to 1024");
    }
}
