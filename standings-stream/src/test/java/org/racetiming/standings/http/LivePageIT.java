package org.racetiming.standings.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The live timing page in a real chromium, as a fan on a phone and a commentator on a desktop see it, while the board
 * changes at the demo's pace (the demo's simulated race, 45 cars, ~65 boards a second).
 */
class LivePageIT {

    private static DemoRace race;
    private static DrivenStandings standings;

    private LiveUpdates updates;
    private StandingsHttpServer server;
    private DemoRace.Feeder feeder;
    private int port;

    @BeforeAll
    static void race() {
        Chromium.assumeInstalled();
        race = new DemoRace("sim-page", 45, 3000);
        standings = new DrivenStandings();
        standings.send(race.events());
    }

    @AfterAll
    static void closeRace() {
        if (standings != null) {
            standings.close();
        }
    }

    @BeforeEach
    void serve() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        updates = new LiveUpdates(Duration.ofSeconds(2), new StandingsJson());
        // The feeder stands in for the live feed, which is running.
        updates.reportFeed(() -> new StandingsFeed.Status(StandingsFeed.State.RUNNING, Instant.now(), 0, null));
        server = TestServers.lone(standings.queries(), updates, port);
        feeder = race.new Feeder(updates, DemoRace.DEMO_BOARDS_PER_SECOND);
    }

    @AfterEach
    void stop() throws InterruptedException {
        feeder.close();
        server.close();
        updates.close();
    }

    private String page() {
        return "http://127.0.0.1:" + port + "/?session=" + race.sessionId();
    }

    private static void awaitLiveBoard(ChromeDriver driver) {
        try {
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    driver.findElement(By.id("connection-text")).getText().equals("Live")
                            && driver.findElements(By.cssSelector("#board-body tr")).size() >= 40
                            && delta(driver) > 0);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("the page did not show a live board: '"
                    + driver.findElement(By.id("connection-text")).getText() + "', '"
                    + driver.findElement(By.id("meta")).getText() + "', "
                    + driver.findElements(By.cssSelector("#board-body tr")).size() + " rows", e);
        }
    }

    /** The number of the board the page holds (it grows with every applied delta). */
    private static long delta(ChromeDriver driver) {
        String meta = driver.findElement(By.id("meta")).getText();
        int at = meta.indexOf("board ");
        return at < 0 ? 0 : Long.parseLong(meta.substring(at + 6, meta.indexOf(' ', at + 6)));
    }

    private static Object js(ChromeDriver driver, String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    @Test
    void shouldShowGapIntervalAndLastLapOnAPhoneWithoutSidewaysScrollingAndOpenACarsDetailsOnATap() {
        try (Chromium chromium = Chromium.phone(390, 844)) {
            ChromeDriver driver = chromium.driver();
            driver.get(page());
            awaitLiveBoard(driver);

            assertThat(js(driver, "return window.innerWidth")).isEqualTo(390L);
            assertThat((Long) js(driver, "return document.documentElement.scrollWidth"))
                    .as("no sideways scrolling").isLessThanOrEqualTo(390L);
            for (String column : List.of("col-pos", "col-no", "col-driver", "col-gap", "col-int", "col-last")) {
                WebElement head = driver.findElement(By.cssSelector("#board-head ." + column));
                assertThat(head.isDisplayed()).as(column + " shown").isTrue();
                assertThat(head.getRect().getX() + head.getRect().getWidth()).as(column + " inside the screen")
                        .isLessThanOrEqualTo(390);
            }
            assertThat(driver.findElement(By.cssSelector("#board-head .col-gap")).getText()).isEqualTo("GAP");
            assertThat(driver.findElement(By.cssSelector("#board-head .col-last")).getText()).isEqualTo("LAST LAP");
            WebElement second = driver.findElements(By.cssSelector("#board-body tr")).get(1);
            assertThat(second.findElement(By.cssSelector(".col-gap")).getText()).isNotBlank();
            assertThat(second.findElement(By.cssSelector(".col-last")).getText()).matches(".*\\d:\\d\\d\\.\\d{3}");

            second.findElement(By.cssSelector(".col-driver")).click();

            WebElement details = driver.findElement(By.id("details"));
            await().atMost(Duration.ofSeconds(5)).until(details::isDisplayed);
            assertThat(details.getText().toLowerCase(java.util.Locale.ROOT))
                    .contains("best lap", "pit stops", "stint", "sectors", "drivers", "drive time");
            assertThat(chromium.consoleErrors()).isEmpty();
        }
    }

    @Test
    void shouldTakeClassTabClicksWhileTheBoardUpdatesAtTheDemosPace() {
        try (Chromium chromium = Chromium.desktop(1920, 1080)) {
            ChromeDriver driver = chromium.driver();
            driver.get(page());
            awaitLiveBoard(driver);
            List<WebElement> tabs = driver.findElements(By.cssSelector("#tabs [role=tab]"));
            assertThat(tabs).extracting(WebElement::getText).extracting(text -> text.split("\n")[0].strip())
                    .as("overall, then the classes in entry-list order")
                    .containsExactly("OVERALL", "HYPERCAR", "LMP2", "LMGT3");
            long boardBefore = delta(driver);

            int taken = 0;
            for (int click = 0; click < 12; click++) {
                WebElement tab = tabs.get(1 + click % 3);
                tab.click();
                if ("true".equals(tab.getAttribute("aria-selected"))
                        && driver.getCurrentUrl().contains("class=" + tab.getAttribute("data-class"))) {
                    taken++;
                }
            }

            assertThat(taken).as("real clicks that selected their tab").isGreaterThanOrEqualTo(11);
            assertThat(delta(driver) - boardBefore).as("the board kept updating meanwhile").isGreaterThan(12);
            assertThat(driver.findElements(By.cssSelector("#tabs [aria-selected=true]"))).hasSize(1);
            assertThat(chromium.consoleErrors()).isEmpty();
        }
    }

    @Test
    void shouldKeepTheDesktopsDensityWithSectorsAndTheRaceControlColumn() {
        try (Chromium chromium = Chromium.desktop(1920, 1080)) {
            ChromeDriver driver = chromium.driver();
            driver.get(page());
            awaitLiveBoard(driver);

            for (String column : List.of("col-class", "col-laps", "col-best", "col-sector", "col-pits", "col-state")) {
                assertThat(driver.findElement(By.cssSelector("#board-head ." + column)).isDisplayed()).as(column).isTrue();
            }
            assertThat(driver.findElements(By.cssSelector("#board-body tr"))).hasSize(45);
            assertThat(driver.findElement(By.cssSelector(".side")).isDisplayed()).isTrue();
            assertThat((Long) js(driver, "return document.documentElement.scrollWidth")).isLessThanOrEqualTo(1920L);
            assertThat(chromium.consoleErrors()).isEmpty();
        }
    }

    @Test
    void shouldKeepAFocusedRowFocusedWhileUpdatesArrive() {
        try (Chromium chromium = Chromium.desktop(1920, 1080)) {
            ChromeDriver driver = chromium.driver();
            driver.get(page());
            awaitLiveBoard(driver);
            WebElement button = driver.findElements(By.cssSelector("#board-body .carno")).get(30);
            js(driver, "arguments[0].focus()", button);
            long board = delta(driver);

            await().atMost(Duration.ofSeconds(10)).until(() -> delta(driver) > board + 20);

            assertThat(js(driver, "return document.activeElement.classList.contains('carno')")).isEqualTo(true);
        }
    }

    @Test
    void shouldSayTheServerIsUnreachableAndComeBackLiveWhenItRestarts() throws Exception {
        try (Chromium chromium = Chromium.desktop(1280, 800)) {
            ChromeDriver driver = chromium.driver();
            driver.get(page());
            awaitLiveBoard(driver);

            feeder.close();
            server.close();
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    driver.findElement(By.id("connection-text")).getText().startsWith("Server unreachable"));
            assertThat(driver.findElements(By.cssSelector("#board-body tr"))).as("the last board stays, marked stale")
                    .hasSizeGreaterThan(40);
            assertThat(driver.findElement(By.tagName("body")).getAttribute("class")).contains("is-stale");

            server = TestServers.lone(standings.queries(), updates, port);
            feeder = race.new Feeder(updates, DemoRace.DEMO_BOARDS_PER_SECOND);

            long before = delta(driver);
            await().atMost(Duration.ofSeconds(60)).until(() ->
                    driver.findElement(By.id("connection-text")).getText().equals("Live") && delta(driver) > before);
            assertThat(driver.findElement(By.tagName("body")).getAttribute("class")).doesNotContain("is-stale");
        }
    }

    @Test
    void shouldSayStaleWhenNothingArrivesForSeconds() throws InterruptedException {
        try (Chromium chromium = Chromium.desktop(1280, 800)) {
            ChromeDriver driver = chromium.driver();
            driver.get(page());
            awaitLiveBoard(driver);

            // The stream stays open but silent: no board, no heartbeat (as behind a proxy that stalls).
            updates.close();
            feeder.close();
            updates = new LiveUpdates(Duration.ofHours(1), new StandingsJson());
            feeder = race.new Feeder(updates, 1);

            await().atMost(Duration.ofSeconds(20)).until(() ->
                    driver.findElement(By.id("connection-text")).getText().startsWith("Stale since"));
            assertThat(driver.findElement(By.id("connection")).getAttribute("data-state")).isEqualTo("stale");
        }
    }
}
