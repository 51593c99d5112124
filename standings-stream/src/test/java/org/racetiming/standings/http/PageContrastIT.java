package org.racetiming.standings.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Every text the live page shows, measured in a real chromium against the background it is drawn on: at least
 * 4.5:1 (3:1 for large text), WCAG 2.x level AA. The board, a car's details, the race-control list and the
 * connection states, on a phone and on a desktop.
 */
class PageContrastIT {

    private static DemoRace race;
    private static DrivenStandings standings;
    private static LiveUpdates updates;
    private static StandingsHttpServer server;
    private static DemoRace.Feeder feeder;
    private static String audit;

    @BeforeAll
    static void serve() throws IOException {
        Chromium.assumeInstalled();
        race = new DemoRace("sim-contrast", 45, 3000);
        standings = new DrivenStandings();
        standings.send(race.events());
        updates = new LiveUpdates(Duration.ofSeconds(2), new StandingsJson());
        updates.reportFeed(() -> new StandingsFeed.Status(StandingsFeed.State.RUNNING, Instant.now(), 0, null));
        server = TestServers.lone(standings.queries(), updates);
        feeder = race.new Feeder(updates, 5);
        try (InputStream script = PageContrastIT.class.getResourceAsStream("/contrast-audit.js")) {
            audit = new String(script.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (feeder != null) {
            feeder.close();
            server.close();
            updates.close();
            standings.close();
        }
    }

    private static String page() {
        return "http://127.0.0.1:" + server.port() + "/?session=" + race.sessionId();
    }

    @SuppressWarnings("unchecked")
    private static List<String> lowContrast(ChromeDriver driver) {
        Map<String, Object> result = (Map<String, Object>) ((JavascriptExecutor) driver).executeScript(audit);
        assertThat((Long) result.get("checked")).as("texts measured").isGreaterThan(50L);
        return (List<String>) result.get("failures");
    }

    private static void awaitBoard(ChromeDriver driver) {
        await().atMost(Duration.ofSeconds(30)).until(() ->
                driver.findElement(By.id("connection-text")).getText().equals("Live")
                        && driver.findElements(By.cssSelector("#board-body tr")).size() >= 40);
    }

    @Test
    void shouldReadEveryTextOfTheBoardAndACarsDetailsOnAPhone() {
        try (Chromium chromium = Chromium.phone(390, 844)) {
            ChromeDriver driver = chromium.driver();
            driver.get(page());
            awaitBoard(driver);
            assertThat(lowContrast(driver)).as("texts under the minimum contrast").isEmpty();

            WebElement row = driver.findElements(By.cssSelector("#board-body tr")).get(2);
            row.findElement(By.cssSelector(".col-driver")).click();
            await().atMost(Duration.ofSeconds(5)).until(() -> driver.findElement(By.id("details")).isDisplayed());
            assertThat(lowContrast(driver)).as("texts under the minimum contrast, details open").isEmpty();
        }
    }

    @Test
    void shouldReadEveryTextOfTheDesktopBoardTheSideColumnAndTheStaleState() {
        try (Chromium chromium = Chromium.desktop(1920, 1080)) {
            ChromeDriver driver = chromium.driver();
            driver.get(page());
            awaitBoard(driver);
            assertThat(lowContrast(driver)).as("texts under the minimum contrast").isEmpty();

            ((JavascriptExecutor) driver).executeScript("document.body.classList.add('is-stale')");
            assertThat(lowContrast(driver)).as("texts under the minimum contrast, marked stale").isEmpty();

            // The audit itself: grey on grey (2.2:1) must be found.
            ((JavascriptExecutor) driver).executeScript("const probe = document.createElement('span');"
                    + "probe.textContent = 'grey on grey'; probe.style.color = '#777';"
                    + "probe.style.background = '#bbb'; document.body.appendChild(probe);");
            assertThat(lowContrast(driver)).singleElement().asString().contains("grey on grey");
        }
    }
}
