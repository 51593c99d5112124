package org.racetiming.standings.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.racetiming.event.TrackStatus;

class RacePredictionsTest {

    private static LapRow lap(String car, int lap, long crossedAtMs, long lapTimeMs, boolean inLap, boolean outLap) {
        return new LapRow(car, "HYPERCAR", lap, crossedAtMs, lapTimeMs, List.of(), 1, 1, 0, null, 0, null, inLap, outLap,
                null, "Driver", List.of(TrackStatus.GREEN));
    }

    /** #51 laps in 200 s; #8 starts 10 s behind and laps in 199 s: it closes a second a lap. */
    private static List<LapRow> aChase(int laps) {
        List<LapRow> rows = new ArrayList<>();
        for (int n = 1; n <= laps; n++) {
            rows.add(lap("51", n, n * 200_000L, 200_000, false, false));
            rows.add(lap("8", n, 10_000L + n * 199_000L, 199_000, false, false));
        }
        return rows;
    }

    @Test
    void shouldMeasureTheClosingRateOverTheLastFiveLapsAndWhenTheCarBehindCatchesUp() {
        RacePredictions.GapTrend trend = RacePredictions.gapTrend(aChase(8), "8", "51");

        assertThat(trend.ahead()).isEqualTo("51");
        assertThat(trend.behind()).isEqualTo("8");
        assertThat(trend.lap()).isEqualTo(8);
        assertThat(trend.gapMs()).isEqualTo(2_000);
        assertThat(trend.closingMsPerLap()).isEqualTo(1_000.0);
        assertThat(trend.catchesInLaps()).isEqualTo(2);
        assertThat(trend.pitStopInWindow()).isFalse();
    }

    @Test
    void shouldNotPredictACatchWhenTheGapGrowsAndHaveNoTrendWithoutALapInCommon() {
        List<LapRow> rows = aChase(3);
        RacePredictions.GapTrend growing = RacePredictions.gapTrend(
                rows.stream().map(r -> r.car().equals("8") ? lap("8", r.lap(), 10_000L + r.lap() * 201_000L, 201_000,
                        false, false) : r).toList(), "51", "8");

        assertThat(growing.closingMsPerLap()).isEqualTo(-1_000.0);
        assertThat(growing.catchesInLaps()).isNull();
        assertThat(RacePredictions.gapTrend(rows, "51", "99")).isNull();
    }

    @Test
    void shouldProjectTheLapsAtTheFlagAndTheNextStopFromTheTypicalLapAndStint() {
        List<LapRow> rows = new ArrayList<>();
        long t = 0;
        for (int n = 1; n <= 25; n++) {
            boolean in = n == 10 || n == 20;
            boolean out = n == 11 || n == 21;
            long lapMs = out ? 260_000 : 200_000;
            t += lapMs;
            rows.add(lap("51", n, t, lapMs, in, out));
        }

        RacePredictions.CarOutlook outlook = RacePredictions.outlook(rows, t + 1_000_000L).get(0);

        assertThat(outlook.laps()).isEqualTo(25);
        assertThat(outlook.typicalLapMs()).isEqualTo(200_000);
        assertThat(outlook.projectedLapsAtFlag()).as("5 laps fill 1,000 s exactly").isEqualTo(30);
        assertThat(outlook.typicalStintLaps()).as("stints of laps 1-10 and 11-20").isEqualTo(10);
        assertThat(outlook.nextStopDueLap()).isEqualTo(30);
    }
}
