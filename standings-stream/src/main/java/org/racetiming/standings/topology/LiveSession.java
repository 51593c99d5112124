package org.racetiming.standings.topology;

import java.util.HashMap;
import java.util.Map;
import org.racetiming.output.CarGaps;
import org.racetiming.output.TrackStatusState;
import org.racetiming.standings.rules.EventTimeline;

/** One session as the processor holds it: its events, where its log's sequence is, what was last sent. */
final class LiveSession {

    private final EventTimeline timeline;
    private long nextSeq;
    private boolean dirty;
    private long lastEmitWallMs = Long.MIN_VALUE;
    /** Wall clock of the last event taken in, for evicting idle sessions. */
    private long lastInputWallMs;
    /** Record timestamp of the oldest event not yet reflected in what was sent: where a latency measure starts. */
    private long oldestPendingInputMs = Long.MAX_VALUE;
    private final Map<String, CarGaps> lastGaps = new HashMap<>();
    private TrackStatusState lastTrack;

    LiveSession(EventTimeline timeline, long nextSeq, long nowWallMs) {
        this.timeline = timeline;
        this.nextSeq = nextSeq;
        this.lastInputWallMs = nowWallMs;
    }

    EventTimeline timeline() {
        return timeline;
    }

    long takeSeq() {
        return nextSeq++;
    }

    void markDirty() {
        dirty = true;
    }

    void inputAt(long recordTimestampMs, long nowWallMs) {
        oldestPendingInputMs = Math.min(oldestPendingInputMs, recordTimestampMs);
        lastInputWallMs = nowWallMs;
    }

    long lastInputWallMs() {
        return lastInputWallMs;
    }

    /** The oldest pending input's timestamp, or null when nothing new came in since the last emission. */
    Long oldestPendingInputMs() {
        return oldestPendingInputMs == Long.MAX_VALUE ? null : oldestPendingInputMs;
    }

    boolean dirty() {
        return dirty;
    }

    boolean dueAt(long nowMs, long intervalMs) {
        return lastEmitWallMs == Long.MIN_VALUE || nowMs - lastEmitWallMs >= intervalMs;
    }

    void emitted(long nowMs) {
        dirty = false;
        oldestPendingInputMs = Long.MAX_VALUE;
        lastEmitWallMs = nowMs;
    }

    /** True when the car's gaps differ from the last ones sent, other than in their time stamp. */
    boolean gapsChanged(CarGaps gaps) {
        CarGaps last = lastGaps.get(gaps.getCar());
        if (last != null && last.getSessionTimeMs() != gaps.getSessionTimeMs()) {
            last = CarGaps.newBuilder(last).setSessionTimeMs(gaps.getSessionTimeMs()).build();
        }
        if (gaps.equals(last)) {
            return false;
        }
        lastGaps.put(gaps.getCar(), gaps);
        return true;
    }

    boolean trackChanged(TrackStatusState track) {
        TrackStatusState last = lastTrack;
        if (last != null && last.getSessionTimeMs() != track.getSessionTimeMs()) {
            last = TrackStatusState.newBuilder(last).setSessionTimeMs(track.getSessionTimeMs()).build();
        }
        if (track.equals(last)) {
            return false;
        }
        lastTrack = track;
        return true;
    }
}
