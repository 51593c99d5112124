package org.racetiming.standings.rules;

import java.util.List;
import org.racetiming.event.TrackStatus;

/**
 * One lap of one car as it was at the finish line: what a lap chart, a race trace or a lap-time chart is drawn from.
 * Positions and gaps are the standings' own, read from the board at the moment the car crossed the line.
 *
 * @param crossedAtMs      session time of the finish-line crossing that completed the lap
 * @param lapTimeMs        null when the feed has none (pit lane, red flag): never invented
 * @param sectorsMs        one entry per sector, null where missing
 * @param position         overall position at the line
 * @param classPosition    position in class at the line
 * @param gapLaps          laps behind the overall leader at the line (0: a time gap, or the leader)
 * @param gapMs            time behind the overall leader at the line; null for the leader and when laps down
 * @param classGapLaps     as {@code gapLaps}, to the class leader
 * @param classGapMs       as {@code gapMs}, to the class leader
 * @param inLap            the lap ended in the pit lane
 * @param outLap           the lap began in the pit lane
 * @param pitLaneMs        time in the pit lane, on an out-lap whose feed gave it
 * @param driver           the driver named on the lap
 * @param trackStatuses    every session status in force at some moment of the lap, in the order they began
 */
public record LapRow(String car, String carClass, int lap, long crossedAtMs, Long lapTimeMs, List<Long> sectorsMs,
                     int position, int classPosition, int gapLaps, Long gapMs, int classGapLaps, Long classGapMs,
                     boolean inLap, boolean outLap, Long pitLaneMs, String driver, List<TrackStatus> trackStatuses) {
}
