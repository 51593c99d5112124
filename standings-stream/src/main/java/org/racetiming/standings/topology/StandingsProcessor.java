package org.racetiming.standings.topology;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.racetiming.event.TimingEvent;
import org.racetiming.output.CarGaps;
import org.racetiming.output.CarStanding;
import org.racetiming.output.NotableEvent;
import org.racetiming.output.Standings;
import org.racetiming.output.TrackStatusState;
import org.racetiming.standings.rules.EventTimeline;
import org.racetiming.standings.rules.RaceSession;
import org.racetiming.timeline.SessionOrder;
import org.racetiming.topics.Topics;

/**
 * Places each timing event in its session ({@link EventTimeline}: by session time, whatever order it arrives in),
 * keeps what was accepted in the session's event log, and sends the boards that changed. An event that breaks a rule
 * as a whole goes to the rejected topic with its reason; a repeated one changes nothing. Nothing here throws on bad
 * input.
 *
 * <p>Outputs carry the events' time (the latest wall clock among the session's events, or now if that lies ahead),
 * not the processing time, so the boards sent live, after a restore, and asked for by time travel are the same
 * records.
 */
final class StandingsProcessor implements Processor<String, TimingEvent, String, Object> {

    private final long emitIntervalMs;
    private final SessionRetention retention;
    private final SessionTimelines shared;
    private final Map<String, LiveSession> sessions = new HashMap<>();
    private ProcessorContext<String, Object> context;
    private KeyValueStore<Bytes, byte[]> eventLog;

    StandingsProcessor(Duration emitInterval, SessionRetention retention, SessionTimelines shared) {
        this.emitIntervalMs = emitInterval.toMillis();
        this.retention = retention;
        this.shared = shared;
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
        this.eventLog = context.getStateStore(StandingsTopology.SESSION_EVENTS_STORE);
        if (emitIntervalMs > 0) {
            context.schedule(Duration.ofMillis(emitIntervalMs), PunctuationType.WALL_CLOCK_TIME, this::flushDirty);
        }
        context.schedule(retention.checkEvery(), PunctuationType.WALL_CLOCK_TIME, this::retire);
    }

    /** Archives finished sessions and lets idle ones leave memory (SessionRetention). */
    private void retire(long now) {
        Iterator<LiveSession> it = sessions.values().iterator();
        while (it.hasNext()) {
            LiveSession live = it.next();
            if (live.dirty()) {
                continue; // its boards go out first
            }
            if (live.notables().stale()) {
                // Late events came: their notable events were held back while they kept coming.
                sendNotables(live, now, Math.min(live.timeline().current().wallClockMs(), now), null);
                if (live.notables().stale()) {
                    continue; // recomputed moments ago: the next check sends them, then the session may go
                }
            }
            long idle = now - live.lastInputWallMs();
            boolean ended = idle >= retention.archiveAfterEnd().toMillis() && live.timeline().current().classificationFinal();
            if (ended) {
                SessionEventLog.archive(eventLog, live.timeline().sessionId(), live.timeline().events());
            }
            if (ended || idle >= retention.idleEviction().toMillis()) {
                shared.remove(live.timeline());
                it.remove();
            }
        }
    }

    @Override
    public void process(Record<String, TimingEvent> record) {
        TimingEvent event = record.value();
        if (event == null) {
            reject(record, null, "no event in the record (null value)");
            return;
        }
        if (record.key() != null && !record.key().equals(event.getSessionId())) {
            reject(record, event, "record key '" + record.key() + "' is not the event's session id '" + event.getSessionId() + "'");
            return;
        }
        if (event.getSessionId() == null) {
            reject(record, event, "missing sessionId");
            return;
        }
        long now = context.currentSystemTimeMs();
        LiveSession live = sessions.computeIfAbsent(event.getSessionId(), id -> restore(id, now));
        EventTimeline.Offer offer = live.timeline().offer(event);
        switch (offer.placement()) {
            case REJECTED -> {
                reject(record, event, offer.reason());
                return;
            }
            case DUPLICATE -> {
                return; // a repeat changes nothing (DOMAIN.md); the first one was taken
            }
            default -> {
                eventLog.put(SessionEventLog.key(event.getSessionId(), event.getSessionTimeMs(), live.takeSeq()),
                        SessionEventLog.encode(event));
                live.notables().offered(event, offer.placement());
            }
        }
        live.markDirty();
        live.inputAt(record.timestamp(), now);
        if (emitIntervalMs == 0 || live.dueAt(now, emitIntervalMs)) {
            emit(live, now);
        }
    }

    /** After a restart or a rebalance, a session is rebuilt from its stored events, placed in session order. */
    private LiveSession restore(String sessionId, long now) {
        EventTimeline timeline = new EventTimeline(sessionId);
        List<TimingEvent> stored = new ArrayList<>();
        long nextSeq = SessionEventLog.replay(eventLog, sessionId, stored::add);
        stored.sort(SessionOrder.ORDER);
        stored.forEach(timeline::offer);
        shared.put(timeline);
        LiveSession live = new LiveSession(timeline, nextSeq, now);
        live.notables().restored(stored);
        return live;
    }

    /** The session's events as stored, in session order: what a late event makes the notable events recomputed from. */
    private List<TimingEvent> storedInOrder(String sessionId) {
        return SessionEventLog.inSessionOrder(eventLog, sessionId);
    }

    private void flushDirty(long now) {
        for (LiveSession live : sessions.values()) {
            if (live.dirty()) {
                emit(live, now);
            }
        }
    }

    private void emit(LiveSession live, long now) {
        RaceSession race = live.timeline().current();
        String sessionId = race.sessionId();
        Long eventIn = live.oldestPendingInputMs();
        // The events' time, so live, restored and time-travel boards are the same record. A replay at speed gives its
        // events wall clocks ahead of now, which Kafka refuses past log.message.timestamp.after.max.ms (an hour by
        // default): those boards carry the processing time instead.
        long at = Math.min(race.wallClockMs(), now);
        Standings overall = race.overall();
        forward(sessionId, overall, StandingsTopology.OVERALL_SINK, at, eventIn);
        for (String carClass : race.classes()) {
            forward(Topics.classKey(sessionId, carClass), race.classStandings(carClass), StandingsTopology.CLASS_SINK, at, eventIn);
        }
        for (CarStanding car : overall.getCars()) {
            CarGaps gaps = race.carGaps(car.getCar());
            if (gaps != null && live.gapsChanged(gaps)) {
                forward(Topics.carKey(sessionId, car.getCar()), gaps, StandingsTopology.GAPS_SINK, at, eventIn);
            }
        }
        TrackStatusState track = race.trackStatus();
        if (live.trackChanged(track)) {
            forward(sessionId, track, StandingsTopology.TRACK_SINK, at, eventIn);
        }
        if (overall.getFinalClassification()) {
            forward(sessionId, overall, StandingsTopology.FINAL_SINK, at, eventIn);
        }
        sendNotables(live, now, at, eventIn);
        live.emitted(now);
    }

    private void sendNotables(LiveSession live, long now, long at, Long eventIn) {
        String sessionId = live.timeline().sessionId();
        for (NotableEvent notable : live.notables().unsent(now, () -> storedInOrder(sessionId))) {
            forward(sessionId, notable, StandingsTopology.NOTABLE_SINK, at, eventIn);
        }
    }

    /** {@code eventIn} goes out as a header, so a reader of the outputs can measure event in -> standings out. */
    private void forward(String key, Object value, String sink, long timestamp, Long eventIn) {
        // A fresh header set per record: serializers and the producer may add to it or make it read-only.
        RecordHeaders headers = new RecordHeaders();
        if (eventIn != null) {
            headers.add(StandingsTopology.EVENT_IN_HEADER, Long.toString(eventIn).getBytes(StandardCharsets.UTF_8));
        }
        context.forward(new Record<>(key, value, timestamp, headers), sink);
    }

    private void reject(Record<String, TimingEvent> record, TimingEvent event, String reason) {
        String source = event != null && event.getSource() != null ? event.getSource() : Topics.TIMING_EVENTS;
        RecordHeaders headers = Topics.rejectionHeaders(reason, source, Topics.REJECTED_BY_STANDINGS);
        String text = event == null ? "" : event.toString();
        context.forward(new Record<String, Object>(record.key() == null ? "" : record.key(), text, record.timestamp(), headers),
                StandingsTopology.REJECTED_SINK);
    }

    @Override
    public void close() {
        for (LiveSession live : sessions.values()) {
            shared.remove(live.timeline());
        }
        sessions.clear();
    }
}
