package org.racetiming.standings.topology;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
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
import org.racetiming.output.Standings;
import org.racetiming.output.TrackStatusState;
import org.racetiming.standings.rules.ApplyResult;
import org.racetiming.standings.rules.RaceSession;
import org.racetiming.topics.Topics;

/**
 * Applies each timing event to its session by the rules, appends what was applied to the
 * session's event log, and sends the boards that changed. Rejected events go to the rejected
 * topic with their reason; nothing here throws on bad input.
 */
final class StandingsProcessor implements Processor<String, TimingEvent, String, Object> {


    private final long emitIntervalMs;
    private final Map<String, LiveSession> sessions = new HashMap<>();
    private ProcessorContext<String, Object> context;
    private KeyValueStore<Bytes, byte[]> eventLog;

    StandingsProcessor(Duration emitInterval) {
        this.emitIntervalMs = emitInterval.toMillis();
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
        this.eventLog = context.getStateStore(StandingsTopology.SESSION_EVENTS_STORE);
        if (emitIntervalMs > 0) {
            context.schedule(Duration.ofMillis(emitIntervalMs), PunctuationType.WALL_CLOCK_TIME, this::flushDirty);
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
        LiveSession live = sessions.computeIfAbsent(event.getSessionId(), this::restore);
        ApplyResult result = live.race().apply(event);
        if (result.applied()) {
            eventLog.put(SessionEventLog.key(event.getSessionId(), live.takeSeq()), SessionEventLog.encode(event));
        } else {
            reject(record, event, result.reason());
        }
        live.markDirty();
        live.inputAt(record.timestamp());
        long now = context.currentSystemTimeMs();
        if (emitIntervalMs == 0 || live.dueAt(now, emitIntervalMs)) {
            emit(live, now);
        }
    }

    /** After a restart or a rebalance, the live state is rebuilt by replaying the stored events. */
    private LiveSession restore(String sessionId) {
        RaceSession race = new RaceSession(sessionId);
        long next = SessionEventLog.replay(eventLog, sessionId, 0, race::apply);
        return new LiveSession(race, next);
    }

    private void flushDirty(long now) {
        for (LiveSession live : sessions.values()) {
            if (live.dirty()) {
                emit(live, now);
            }
        }
    }

    private void emit(LiveSession live, long now) {
        RaceSession race = live.race();
        String sessionId = race.sessionId();
        Long eventIn = live.oldestPendingInputMs();
        Standings overall = race.overall();
        forward(sessionId, overall, StandingsTopology.OVERALL_SINK, now, eventIn);
        for (String carClass : race.classes()) {
            forward(sessionId + "/" + carClass, race.classStandings(carClass), StandingsTopology.CLASS_SINK, now, eventIn);
        }
        for (CarStanding car : overall.getCars()) {
            CarGaps gaps = race.carGaps(car.getCar());
            if (gaps != null && live.gapsChanged(gaps)) {
                forward(sessionId + "/" + car.getCar(), gaps, StandingsTopology.GAPS_SINK, now, eventIn);
            }
        }
        TrackStatusState track = race.trackStatus();
        if (live.trackChanged(track)) {
            forward(sessionId, track, StandingsTopology.TRACK_SINK, now, eventIn);
        }
        if (race.chequered()) {
            forward(sessionId, race.classification(), StandingsTopology.FINAL_SINK, now, eventIn);
        }
        live.emitted(now);
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
}
