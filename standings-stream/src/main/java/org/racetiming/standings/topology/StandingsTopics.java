package org.racetiming.standings.topology;

import org.racetiming.event.TimingEvent;
import org.racetiming.output.CarGaps;
import org.racetiming.output.NotableEvent;
import org.racetiming.output.Standings;
import org.racetiming.output.TrackStatusState;
import org.racetiming.topics.Topic;
import org.racetiming.topics.Topics;

/** The topics the standings topology reads and writes, with their serdes. */
public record StandingsTopics(
        Topic<String, TimingEvent> timingEvents,
        Topic<String, String> rejected,
        Topic<String, Standings> overallStandings,
        Topic<String, Standings> classStandings,
        Topic<String, CarGaps> carGaps,
        Topic<String, TrackStatusState> trackStatus,
        Topic<String, Standings> finalClassification,
        Topic<String, NotableEvent> notableEvents) {

    public static StandingsTopics from(Topics topics) {
        return new StandingsTopics(topics.timingEvents(), topics.timingEventsRejected(), topics.overallStandings(),
                topics.classStandings(), topics.carGaps(), topics.trackStatus(), topics.finalClassification(),
                topics.notableEvents());
    }
}
