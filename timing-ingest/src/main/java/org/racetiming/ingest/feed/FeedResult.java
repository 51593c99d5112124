package org.racetiming.ingest.feed;

import java.util.List;
import org.racetiming.event.TimingEvent;

/**
 * What a feed adapter made of its input: the events in the order to publish them (session-time
 * order for a timing file; arrival order for a recorded live feed, which may repeat an event), and
 * every record it could not use with the reason. Together they account for every input record.
 */
public record FeedResult(List<TimingEvent> events, List<RejectedRecord> rejected) {

    public FeedResult {
        events = List.copyOf(events);
        rejected = List.copyOf(rejected);
    }

    /** Count of events whose payload is of the given type. */
    public long count(Class<?> payloadType) {
        return events.stream().filter(e -> payloadType.isInstance(e.getPayload())).count();
    }

    /** The payloads of the given type, in event order. */
    public <T> List<T> payloads(Class<T> payloadType) {
        return events.stream().map(TimingEvent::getPayload).filter(payloadType::isInstance).map(payloadType::cast).toList();
    }
}
