package org.racetiming.standings.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The charting library the page loads comes from this server (its WebJar), not from the internet. */
class WebJarAssetsTest {

    private DrivenStandings standings;
    private LiveUpdates updates;
    private StandingsHttpServer server;
    private HttpProbe http;

    @BeforeEach
    void start() {
        standings = new DrivenStandings();
        updates = new LiveUpdates(Duration.ofHours(1), new StandingsJson());
        server = TestServers.lone(standings.queries(), updates);
        http = new HttpProbe(server.port());
    }

    @AfterEach
    void stop() {
        server.close();
        updates.close();
        standings.close();
    }

    @Test
    void shouldServeUplotsScriptAndStylesheetFromItsWebJar() {
        HttpProbe.Response script = http.get("/vendor/uplot/uPlot.iife.min.js");
        HttpProbe.Response css = http.get("/vendor/uplot/uPlot.min.css");

        assertThat(script.status()).isEqualTo(200);
        assertThat(script.contentType()).startsWith("text/javascript");
        assertThat(script.body()).contains("uPlot").hasSizeGreaterThan(40_000);
        assertThat(css.status()).isEqualTo(200);
        assertThat(css.contentType()).startsWith("text/css");
        assertThat(css.body()).contains(".uplot");
        assertThat(WebJarAssets.version("org.webjars.npm", "uplot")).as("the version the pom pins").isEqualTo("1.6.30");
    }

    @Test
    void shouldServeOnlyTheFilesThePageUses() {
        assertThat(http.get("/vendor/uplot/uPlot.esm.js").status()).isEqualTo(404);
        assertThat(http.get("/vendor/uplot/..%2F..%2F..%2Fmaven%2Forg.webjars.npm%2Fuplot%2Fpom.properties").status())
                .as("refused by Jetty (400) or not found").isIn(400, 404);
    }

    @Test
    void shouldLoadThePageWithItsScripts() {
        String page = http.get("/").body();

        assertThat(page).contains("/vendor/uplot/uPlot.iife.min.js", "/vendor/uplot/uPlot.min.css", "/charts.js", "/app.js");
        assertThat(http.get("/charts.js").status()).isEqualTo(200);
    }
}
