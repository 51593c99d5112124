package org.racetiming.standings.topology;

import java.time.Duration;

/**
 * How long a stream task keeps a session in memory, and when a finished session's log is archived, so that memory,
 * the event log and a restore stay bounded over a season of sessions. An evicted session is rebuilt from the log if
 * an event for it comes again; queries read it from the log (time travel works on archived sessions too).
 *
 * @param idleEviction     a session that took no event for this long (wall clock) leaves memory
 * @param archiveAfterEnd  a session whose classification is final and that took no event for this long is archived
 *                         (its events compressed into a few records, tombstones for the rest) and leaves memory
 * @param checkEvery       how often the task looks
 */
public record SessionRetention(Duration idleEviction, Duration archiveAfterEnd, Duration checkEvery) {

    public static final SessionRetention DEFAULT =
            new SessionRetention(Duration.ofMinutes(15), Duration.ofMinutes(2), Duration.ofSeconds(30));
}
