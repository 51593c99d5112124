package org.racetiming.standings.topology;

import org.apache.kafka.common.serialization.Serdes;
import org.racetiming.event.TimingEvent;
import org.racetiming.output.CarGaps;
import org.racetiming.output.NotableEvent;
import org.racetiming.output.Standings;
import org.racetiming.output.TrackStatusState;
import org.racetiming.topics.Topic;
import org.racetiming.topics.Topics;

/** The topology's topics with plain Avro serdes, for TopologyTestDriver tests, which have no registry. */
public final class RegistryFreeTopics {

    public static final StandingsTopics TOPICS = new StandingsTopics(
            new Topic<>(Topics.TIMING_EVENTS, Serdes.String(), new AvroBinaryCodec<>(TimingEvent.class)),
            new Topic<>(Topics.TIMING_EVENTS_REJECTED, Serdes.String(), Serdes.String()),
            new Topic<>(Topics.OVERALL_STANDINGS, Serdes.String(), new AvroBinaryCodec<>(Standings.class)),
            new Topic<>(Topics.CLASS_STANDINGS, Serdes.String(), new AvroBinaryCodec<>(Standings.class)),
            new Topic<>(Topics.CAR_GAPS, Serdes.String(), new AvroBinaryCodec<>(CarGaps.class)),
            new Topic<>(Topics.TRACK_STATUS, Serdes.String(), new AvroBinaryCodec<>(TrackStatusState.class)),
            new Topic<>(Topics.FINAL_CLASSIFICATION, Serdes.String(), new AvroBinaryCodec<>(Standings.class)),
            new Topic<>(Topics.NOTABLE_EVENTS, Serdes.String(), new AvroBinaryCodec<>(NotableEvent.class)));

    private RegistryFreeTopics() {
    }
}
