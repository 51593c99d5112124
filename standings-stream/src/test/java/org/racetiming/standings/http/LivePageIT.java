package org.racetiming.standings.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.racetiming.standings.rules.LapRow;
import org.racetiming.standings.rules.Notable;

/**
 * The live timing page in a real chromium, as a fan on a phone and a commentator on a desktop see it, while the board
 * changes at the demo's pace (the demo's simulated race, 45 cars, ~65 boards a second).
 *
 * <p>With {@code -Dlive.page.url=http://127.0.0.1:PORT} (e.g. a running {@code ./timing demo}) the class-tab test and
 * the phone test drive that page instead of a server of its own, and the other tests are skipped.
 */
class LivePageIT {

    /** An external live page to test instead of this test's own server; null for the own server. */
    private static final String EXTERNAL = System.getProperty("live.page.url", "").isBlank() ? null
            : System.getProperty("live.page.url").strip();
    /** A short race of a few cars run until after its first pit stops (the demo race stops before any). */
    private static PitStopRace pitStopRace;
    private static final String CLASS_TAB_TEST = "shouldTakeClassTabClicksWhileTheBoardUpdatesAtTheDemosPace";
    private static final String PHONE_TEST = "shouldShowGapIntervalAndLastLapOnAPhoneWithoutSidewaysScrollingAndOpenACarsDetailsOnATap";

    private static DemoRace race;
    private static DrivenStandings standings;

    private LiveUpdates updates;
    private StandingsHttpServer server;
    private DemoRace.Feeder feeder;
    private int port;

    @BeforeAll
    static void race() {
        Chromium.assumeInstalled();
        if (EXTERNAL != null) {
            return;
        }
        race = new DemoRace("sim-page", 45, 3000);
        standings = new DrivenStandings();
        standings.send(race.events());
        pitStopRace = new PitStopRace("sim-pits", 6);
        standings.send(pitStopRace.events());
    }

    @AfterAll
    static void closeRace() {
        if (standings != null) {
            standings.close();
        }
    }

    @BeforeEach
    void serve(TestInfo test) throws IOException {
        if (EXTERNAL != null) {
            assumeTrue(test.getTestMethod().map(m -> m.getName().equals(CLASS_TAB_TEST) || m.getName().equals(PHONE_TEST))
                    .orElse(false), "only the class-tab and phone tests run against " + EXTERNAL);
            return;
        }
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
        if (EXTERNAL != null) {
            return;
        }
        feeder.close();
        server.close();
        updates.close();
    }

    private String page() {
        if (EXTERNAL != null) {
            return EXTERNAL; // the page picks the newest running session itself
        }
        return "http://127.0.0.1:" + port + "/?session=" + race.sessionId();
    }

    private static void awaitLiveBoard(ChromeDriver driver) {
        awaitLiveBoard(driver, EXTERNAL == null ? 40 : 2);
    }

    private static void awaitLiveBoard(ChromeDriver driver, int rows) {
        try {
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    driver.findElement(By.id("connection-text")).getText().equals("Live")
                            && driver.findElements(By.cssSelector("#board-body tr")).size() >= rows
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
    void shouldShowGapIntervalAndLastLapOnAPhoneWithoutSidewaysScrollingAndOpenACarsDetailsOnATap() throws IOException {
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
            screenshot(driver, EXTERNAL == null ? "board-phone" : "external-phone");
            assertThat(chromium.consoleErrors()).isEmpty();
        }
    }

    @Test
    void shouldTakeClassTabClicksWhileTheBoardUpdatesAtTheDemosPace() throws IOException {
        try (Chromium chromium = Chromium.desktop(1920, 1080)) {
            ChromeDriver driver = chromium.driver();
            driver.get(page());
            awaitLiveBoard(driver);
            List<WebElement> tabs = driver.findElements(By.cssSelector("#tabs [role=tab]"));
            if (EXTERNAL == null) {
                assertThat(tabs).extracting(WebElement::getText).extracting(text -> text.split("\n")[0].strip())
                        .as("overall, then the classes in entry-list order")
                        .containsExactly("OVERALL", "HYPERCAR", "LMP2", "LMGT3");
            } else {
                assertThat(tabs).as("overall and at least one class").hasSizeGreaterThanOrEqualTo(2);
            }
            int classes = tabs.size() - 1;
            long boardBefore = delta(driver);

            int taken = 0;
            for (int click = 0; click < 12; click++) {
                WebElement tab = tabs.get(1 + click % classes);
                tab.click();
                if ("true".equals(tab.getAttribute("aria-selected"))
                        && driver.getCurrentUrl().contains("class=" + tab.getAttribute("data-class"))) {
                    taken++;
                }
            }

            assertThat(taken).as("real clicks that selected their tab").isGreaterThanOrEqualTo(11);
            assertThat(delta(driver) - boardBefore).as("the board kept updating meanwhile").isGreaterThan(12);
            assertThat(driver.findElements(By.cssSelector("#tabs [aria-selected=true]"))).hasSize(1);
            screenshot(driver, EXTERNAL == null ? "board-desktop" : "external-desktop");
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

    // ------------------------------------------------------------------ charts, ticker, predictions, pit timer

    private static Map<String, Integer> points(ChromeDriver driver, String chart) {
        String json = driver.findElement(By.id(chart)).getAttribute("data-points");
        if (json == null || json.isBlank()) {
            return Map.of();
        }
        Map<String, Integer> points = new java.util.LinkedHashMap<>();
        new StandingsJson().read(json).properties().forEach(e -> points.put(e.getKey(), e.getValue().asInt()));
        return points;
    }

    /** The race numbers on the board the page shows (one class's cars when a class tab is selected). */
    @SuppressWarnings("unchecked")
    private static List<String> carsShown(ChromeDriver driver) {
        return (List<String>) js(driver, "return Array.from(document.querySelectorAll('#board-body tr')).map((tr) => tr.dataset.car)");
    }

    private static void screenshot(ChromeDriver driver, String name) throws IOException {
        Path target = Path.of("target", "screenshots");
        Files.createDirectories(target);
        Files.write(target.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
    }

    private static void awaitCharts(ChromeDriver driver, int cars) {
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> List.of("chart-trace", "chart-positions", "chart-laptimes")
                    .stream().allMatch(chart -> {
                        Map<String, Integer> points = points(driver, chart);
                        return points.size() == cars && points.values().stream().allMatch(p -> p > 0);
                    }));
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("charts not drawn: trace " + points(driver, "chart-trace") + ", positions "
                    + points(driver, "chart-positions") + ", lap times " + points(driver, "chart-laptimes"), e);
        }
    }

    @Test
    void shouldDrawTheClassTopFiveChartsAndTheGapTrendOnAPhoneWithoutSidewaysScrolling() throws IOException {
        try (Chromium chromium = Chromium.phone(390, 844)) {
            ChromeDriver driver = chromium.driver();
            driver.get(page() + "&class=LMP2");
            awaitLiveBoard(driver, 5);
            List<String> lmp2 = carsShown(driver);

            driver.findElement(By.id("view-charts")).click();

            awaitCharts(driver, 5);
            assertThat(lmp2).as("the class's top five by default, LMP2 cars only").containsAll(points(driver, "chart-trace").keySet());
            for (String chart : List.of("chart-trace", "chart-positions", "chart-laptimes")) {
                WebElement canvas = driver.findElement(By.cssSelector("#" + chart + " canvas"));
                assertThat(canvas.getRect().getWidth()).as(chart + " width").isBetween(200, 390);
                assertThat(canvas.getRect().getHeight()).as(chart + " height").isGreaterThan(100);
            }
            assertThat(driver.findElement(By.id("board-view")).isDisplayed()).isFalse();
            assertThat(driver.getCurrentUrl()).contains("view=charts");
            await().atMost(Duration.ofSeconds(20)).until(() ->
                    driver.findElement(By.id("pair-trend")).getText().matches("#\\S+ (closing on|losing|holding).*gap .* at lap \\d+.*"));
            String a = driver.findElement(By.id("pair-a")).getAttribute("value");
            String b = driver.findElement(By.id("pair-b")).getAttribute("value");
            assertThat(lmp2).as("the pair: the class's first two").contains(a, b);
            assertThat(driver.findElement(By.id("pair-trend")).getText()).contains("#" + a).contains("#" + b);
            screenshot(driver, "charts-phone-top");
            js(driver, "window.scrollTo(0, document.body.scrollHeight)");
            assertThat((Long) js(driver, "return document.documentElement.scrollWidth"))
                    .as("no sideways scrolling").isLessThanOrEqualTo(390L);
            screenshot(driver, "charts-phone-bottom");
            assertThat(chromium.consoleErrors()).isEmpty();
        }
    }

    @Test
    void shouldChartTheCarsChosenOnADesktopAndGapsToAChosenCar() throws IOException {
        try (Chromium chromium = Chromium.desktop(1920, 1080)) {
            ChromeDriver driver = chromium.driver();
            driver.get(page() + "&class=HYPERCAR&view=charts");
            awaitLiveBoard(driver, 6);
            awaitCharts(driver, 5);
            List<String> top = List.copyOf(points(driver, "chart-trace").keySet());

            driver.findElement(By.cssSelector(".car-picker summary")).click();
            WebElement sixth = driver.findElements(By.cssSelector("#chart-cars input")).get(5);
            String added = sixth.getAttribute("value");
            sixth.click();
            driver.findElement(By.cssSelector("#chart-cars input[value='" + top.get(4) + "']")).click();

            await().atMost(Duration.ofSeconds(20)).until(() -> points(driver, "chart-trace").containsKey(added)
                    && !points(driver, "chart-trace").containsKey(top.get(4)) && points(driver, "chart-trace").get(added) > 0);
            new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("chart-reference"))).selectByValue(top.get(1));
            await().atMost(Duration.ofSeconds(10)).until(() ->
                    top.get(1).equals(driver.findElement(By.id("chart-trace")).getAttribute("data-reference")));
            assertThat(points(driver, "chart-trace").get(top.get(1))).as("the reference car itself: gap 0 on every lap")
                    .isEqualTo(points(driver, "chart-positions").get(top.get(1)));
            Map<String, Integer> byLap = points(driver, "chart-positions");
            new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("chart-x"))).selectByValue("time");
            await().atMost(Duration.ofSeconds(10)).until(() -> "time".equals(driver.findElement(By.id("chart-positions"))
                    .getAttribute("data-x")));
            // The feeder replays boards of laps the history already holds: no lap comes in meanwhile.
            assertThat(points(driver, "chart-positions")).as("the same laps along the session time").isEqualTo(byLap);
            screenshot(driver, "charts-desktop-time");
            new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("chart-x"))).selectByValue("lap");
            assertThat((Long) js(driver, "return document.documentElement.scrollWidth")).isLessThanOrEqualTo(1920L);
            screenshot(driver, "charts-desktop");
            assertThat(chromium.consoleErrors()).isEmpty();
        }
    }

    @Test
    void shouldTickerNotableEventsArrivingLiveLatestFirstAndDropAWithdrawnOne() throws IOException {
        try (Chromium chromium = Chromium.phone(390, 844)) {
            ChromeDriver driver = chromium.driver();
            driver.get(page());
            awaitLiveBoard(driver);
            List<Notable> found = standings.queries().history(race.sessionId()).orElseThrow().notables();
            assertThat(found).as("the demo race has notable events").isNotEmpty();
            await().atMost(Duration.ofSeconds(10)).until(() ->
                    driver.findElements(By.cssSelector("#ticker li[data-id]:not([data-id=''])")).size() > 0);

            StandingsJson json = new StandingsJson();
            Notable latest = found.get(found.size() - 1);
            String text = "Battle for P1 in HYPERCAR: #7 within a second of #8 for 3 laps (0.400)";
            Notable battle = new Notable(latest.atMs() + 1, "BATTLE", "7", "HYPERCAR", text);
            updates.notable(race.sessionId(), json.write(json.notable(battle)));

            await().atMost(Duration.ofSeconds(10)).until(() ->
                    driver.findElement(By.cssSelector("#ticker li")).getText().contains(text));
            WebElement first = driver.findElement(By.cssSelector("#ticker li"));
            assertThat(first.getRect().getX() + first.getRect().getWidth()).as("inside the phone's screen").isLessThanOrEqualTo(390);
            assertThat(js(driver, "return document.activeElement === document.body")).as("no focus taken").isEqualTo(true);
            screenshot(driver, "ticker-phone");

            ObjectNode withdrawal = json.notable(battle);
            withdrawal.put("withdrawn", true);
            updates.notable(race.sessionId(), json.write(withdrawal));
            try {
                await().atMost(Duration.ofSeconds(10)).until(() ->
                        !driver.findElement(By.id("ticker")).getText().contains(text));
            } catch (ConditionTimeoutException e) {
                throw new AssertionError("still in the ticker: " + js(driver, "return document.getElementById('ticker').innerHTML")
                        + "; console: " + chromium.consoleErrors(), e);
            }
            assertThat(driver.findElements(By.cssSelector("#ticker li[data-id]:not([data-id=''])"))).isNotEmpty();
            assertThat(chromium.consoleErrors()).isEmpty();
        }
    }

    @Test
    void shouldTickThePitLaneTimerBetweenBoardsAndShowACarsOutlook() throws Exception {
        try (Chromium chromium = Chromium.desktop(1280, 800)) {
            ChromeDriver driver = chromium.driver();
            driver.get(page());
            awaitLiveBoard(driver);
            feeder.close(); // no board from now on; heartbeats go on, so the page stays live

            ObjectNode board = race.lastBoard();
            ObjectNode car = (ObjectNode) board.path("cars").get(3);
            String number = car.path("car").asText();
            car.put("state", "IN_PIT");
            car.put("pitInAtMs", board.path("sessionTimeMs").asLong() - 10_000);
            updates.board(race.sessionId(), board, System.currentTimeMillis());

            // Read in one script: the pit-lane list is rebuilt as its timers move, so an element found may be gone.
            String timer = "const e = document.querySelector(\"#pit-lane li[data-car='\" + arguments[0] + \"'] .pit-time\");"
                    + " return e ? e.textContent : null";
            await().atMost(Duration.ofSeconds(10)).until(() -> js(driver, timer, number) != null);
            int first = secondsOf((String) js(driver, timer, number));
            await().atMost(Duration.ofSeconds(15)).until(() -> secondsOf((String) js(driver, timer, number)) > first);
            assertThat(first).isBetween(10, 20);
            assertThat(driver.findElement(By.id("connection-text")).getText()).isEqualTo("Live");

            driver.findElement(By.cssSelector("#board-body tr[data-car='" + number + "'] .col-driver")).click();
            await().atMost(Duration.ofSeconds(20)).until(() ->
                    driver.findElement(By.id("details-body")).getText().matches("(?s).*Laps at the flag\\s+≈ \\d+.*"));
            assertThat(driver.findElement(By.id("details-body")).getText()).contains("Pit window");
            screenshot(driver, "details-outlook");
            assertThat(chromium.consoleErrors()).isEmpty();
        }
    }

    private static int secondsOf(String minutesSeconds) {
        String[] parts = minutesSeconds.strip().split(":");
        return Integer.parseInt(parts[0]) * 60 + Integer.parseInt(parts[1]);
    }

    @Test
    void shouldMarkPitStopsOnTheTraceAndTheLapTimes() throws IOException {
        LapRow inLap = standings.queries().history(pitStopRace.sessionId()).orElseThrow().laps().stream()
                .filter(LapRow::inLap).findFirst().orElseThrow(() -> new AssertionError("the race has no pit stop"));
        try (Chromium chromium = Chromium.desktop(1920, 1080)) {
            ChromeDriver driver = chromium.driver();
            // No feeder for this session: the page gets its board from the API, and heartbeats keep it live.
            driver.get("http://127.0.0.1:" + port + "/?session=" + pitStopRace.sessionId() + "&view=charts");
            awaitLiveBoard(driver, 6);
            awaitCharts(driver, 5);
            if (!points(driver, "chart-trace").containsKey(inLap.car())) {
                driver.findElement(By.cssSelector(".car-picker summary")).click();
                driver.findElement(By.cssSelector("#chart-cars input[value='" + inLap.car() + "']")).click();
            }

            await().atMost(Duration.ofSeconds(20)).until(() ->
                    Integer.parseInt(driver.findElement(By.id("chart-laptimes")).getAttribute("data-pits")) > 0
                            && Integer.parseInt(driver.findElement(By.id("chart-trace")).getAttribute("data-pits")) > 0);
            screenshot(driver, "charts-pit-stops");
            assertThat(chromium.consoleErrors()).isEmpty();
        }
    }
}
