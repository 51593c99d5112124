package org.racetiming.ingest.feed.racecontrol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.racetiming.event.PenaltyApplied;
import org.racetiming.event.SessionEnded;
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
        TimingEvent penalty = events.get(events.size() - 2);
        assertThat(penalty.getPayload()).isInstanceOf(PenaltyApplied.class);
        assertThat(penalty.getSource()).isEqualTo("race-control.jsonl:1");
        TimingEvent end = events.get(events.size() - 1);
        assertThat(end.getPayload()).as("a complete file ends the session").isEqualTo(new SessionEnded(null));
        assertThat(end.getEventId()).isEqualTo("end");
        assertThat(end.getSessionTimeMs()).as("at the latest event's time").isEqualTo(penalty.getSessionTimeMs());
        assertThat(end.getSource()).isEqualTo("analysis.csv:end");
    }
}
