package org.racetiming.ingest.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HttpIngestSettingsTest {

    @Test
    void shouldRefuseToStartWithoutATokenUnlessRunOpen() {
        assertThatThrownBy(() -> new HttpIngestSettings(8090, null, false, 1024, HttpIngestSettings.DEFAULT_ACK_TIMEOUT))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("refusing to start").hasMessageContaining("INGEST_TOKEN").hasMessageContaining("INGEST_OPEN=true");
        assertThatThrownBy(() -> HttpIngestSettings.withToken(8090, "  ")).isInstanceOf(IllegalStateException.class);

        assertThat(HttpIngestSettings.openForLocalUse(8090).authenticated()).isFalse();
    }

    @Test
    void shouldRequireTheTokenWhenOneIsConfiguredEvenIfAskedToRunOpen() {
        HttpIngestSettings settings = new HttpIngestSettings(0, "t0ken", true, 1024, HttpIngestSettings.DEFAULT_ACK_TIMEOUT);

        assertThat(settings.authenticated()).isTrue();
    }

    @Test
    void shouldNeverShowTheTokenInItsDescription() {
        assertThat(HttpIngestSettings.withToken(0, "t0ken-value").toString()).doesNotContain("t0ken-value").contains("bearer token");
    }
}
