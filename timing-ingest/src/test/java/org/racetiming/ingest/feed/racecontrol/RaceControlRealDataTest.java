package org.racetiming.ingest.feed.racecontrol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.racetiming.event.PenaltyApplied;
import org.racetiming.event.TimingEvent;
import org.racetiming.ingest.feed.FeedOptions;
import org.racetiming.ingest.feed.FeedResult;
import org.racetiming.ingest.feed.RealData;
import org.racetiming.ingest.feed.SessionFeed;
import org.racetiming.ingest.feed.SessionTimeline;

/** Le Mans 2023's race-control file: the #5 four-lap penalty, alone and merged with the timing. */
class RaceControlRealDataTest {

    private static final String RACE = "wec-2023-le-mans-24h";

    @Test
    void shouldReadTheFourLapPenaltyOfCarFive() {
        FeedResult result = RaceControlReader.read(RealData.file(RACE, "race-control.jsonl"), FeedOptions.race("lm23"));

        assertThat(result.rejected()).isEmpty();
        assertThat(result.payloads(PenaltyApplied.class)).containsExactly(
                new PenaltyApplied("5", 4, 0L, "Stewards decision no. 159: penalty of 4 laps"));
        assertThat(result.events().get(0).getSessionTimeMs()).isEqualTo(24 * 3_600_000L + 10 * 60_000L);
    }

    @Test
    void shouldMergeRaceControlIntoTheTimingOfTheSameSession() {
        FeedResult session = SessionFeed.read(RealData.file(RACE, "analysis.csv"), RealData.file(RACE, "race-control.jsonl"),
                FeedOptions.race("lm23"));

        assertThat(session.rejected()).isEmpty();
        List<TimingEvent> events = session.events();
        assertThat(events).isSortedAccordingTo(SessionTimeline.ORDER);
        assertThat(events.get(events.size() - 1).getPayload()).isInstanceOf(PenaltyApplied.class);
        assertThat(events.get(events.size() - 1).getSource()).isEqualTo("race-control.jsonl:1");
    }
}
