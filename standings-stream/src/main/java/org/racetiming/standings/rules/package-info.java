/**
 * The timing rules of DOMAIN.md in plain Java, with no Kafka types: {@link org.racetiming.standings.rules.RaceSession}
 * takes a session's {@code TimingEvent}s one by one and answers with the Avro output records (standings overall and
 * per class, a car's gaps, the gap between two cars, track status, the final classification).
 *
 * <p>Choices the rules leave open, made here once:
 * <ul>
 *   <li>State is per car: each car keeps the time it passed every timing line in an array indexed by progress
 *       ({@code lap * pointsPerLap + point}), so the gap rule looks a passage up in O(1) and "how far had this car
 *       got by time t" in O(log n). A board is ranked on demand and cached until the next applied event.</li>
 *   <li>Gaps are measured at the latest line the car behind passed, as DOMAIN.md says, so the gap of a car parked
 *       in the pits stays what it was when it last passed a line. When the car ahead passed that line only after
 *       the car behind did (it overtook a stopped car), the gap is the time since the car ahead passed its next
 *       line (never negative), or whole laps once it is that far ahead.</li>
 *   <li>Penalty laps count from the moment they are applied: a car's progress moves back by whole laps for the
 *       live order, the gaps and the classification; penalty time is added to the total time.</li>
 *   <li>Track conditions stay in force until ended (GREEN ends FCY, safety car and red; zones end by id), so
 *       several can apply and the status is the highest priority one.</li>
 *   <li>After the chequered flag every board carries final-classification statuses, and a car's crossings after
 *       its own flag crossing are rejected ("after the flag: ...") rather than silently ignored. The
 *       classification itself is computed from each car's passages, so a CHEQUERED event that arrives late with
 *       an earlier time still ends each car's race at its first crossing after it.</li>
 *   <li>Practice and qualifying end on the clock (scheduled duration) or a CHEQUERED event; the lap in progress
 *       then still counts.</li>
 * </ul>
 */
package org.racetiming.standings.rules;
