package org.racetiming.ingest.feed.simulator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.racetiming.event.TimingEvent;
import org.racetiming.event.TrackStatus;
import org.racetiming.event.TrackStatusChanged;
import org.racetiming.ingest.feed.simulator.TrackConditions.Neutralisation;
import org.racetiming.ingest.feed.simulator.TrackConditions.Period;
import org.racetiming.ingest.feed.simulator.TrackConditions.SlowZone;

/**
 * Race control's decisions, drawn before the start: full course yellows (some turned into a safety
 * car), safety cars, and slow zones (sometimes several at once). Most accidents bring out one of
 * them. All is fixed up front because every car's lap times depend on it; it is a few dozen
 * periods, not the race.
 */
final class RaceControlPlan {

    private static final int ZONES = 10;
    private static final long MINUTE = 60_000;
    /** Rates per hour, per kind of intervention not caused by a retirement (debris, barrier repairs). */
    private static final double FCY_PER_HOUR = 0.35;
    private static final double SAFETY_CAR_PER_HOUR = 0.12;
    private static final double SLOW_ZONES_PER_HOUR = 1.2;

    /** One neutralisation: FCY from {@code fromMs}, safety car from {@code safetyCarMs} (if not -1), green at {@code toMs}. */
    private record Intervention(long fromMs, long safetyCarMs, long toMs) {
    }

    private record Message(long atMs, String eventId, TrackStatusChanged change) {
    }

    private final SeededRandom random;
    private final long durationMs;
    private final double[] zoneShare = new double[ZONES + 1];
    private final List<Intervention> interventions = new ArrayList<>();
    private final List<SlowZone> slowZones = new ArrayList<>();

    private RaceControlPlan(SeededRandom random, long durationMs) {
        this.random = random;
        this.durationMs = durationMs;
        for (int z = 1; z <= ZONES; z++) {
            zoneShare[z] = random.between(0.04, 0.09);
        }
    }

    static RaceControlPlan draw(SeededRandom random, long durationMs, List<Retirement> accidents) {
        RaceControlPlan plan = new RaceControlPlan(random, durationMs);
        plan.drawCandidates(accidents);
        return plan;
    }

    TrackConditions conditions() {
        List<Period> periods = new ArrayList<>();
        for (Intervention i : interventions) {
            if (i.safetyCarMs() < 0) {
                periods.add(new Period(i.fromMs(), i.toMs(), Neutralisation.FULL_COURSE_YELLOW));
            } else {
                if (i.safetyCarMs() > i.fromMs()) {
                    periods.add(new Period(i.fromMs(), i.safetyCarMs(), Neutralisation.FULL_COURSE_YELLOW));
                }
                periods.add(new Period(i.safetyCarMs(), i.toMs(), Neutralisation.SAFETY_CAR));
            }
        }
        return new TrackConditions(periods, slowZones);
    }

    /** The track status changes, in session-time order. */
    List<TimingEvent> events(SimulatorEvents events) {
        List<Message> messages = new ArrayList<>();
        int n = 0;
        for (Intervention i : interventions) {
            n++;
            if (i.safetyCarMs() != i.fromMs()) {
                messages.add(new Message(i.fromMs(), "fcy/" + n, status(TrackStatus.FULL_COURSE_YELLOW, null, true)));
            }
            if (i.safetyCarMs() >= 0) {
                messages.add(new Message(i.safetyCarMs(), "safety-car/" + n, status(TrackStatus.SAFETY_CAR, null, true)));
            }
            messages.add(new Message(i.toMs(), "green/" + n, status(TrackStatus.GREEN, null, true)));
        }
        int z = 0;
        for (SlowZone zone : slowZones) {
            z++;
            messages.add(new Message(zone.fromMs(), "slow-zone/" + z + "/start", status(TrackStatus.SLOW_ZONE, zone.zone(), true)));
            messages.add(new Message(zone.toMs(), "slow-zone/" + z + "/end", status(TrackStatus.SLOW_ZONE, zone.zone(), false)));
        }
        // A stable sort keeps "FCY then safety car" and "start then end" when times coincide.
        messages.sort(Comparator.comparingLong(Message::atMs));
        return messages.stream().map(m -> events.trackStatus(m.eventId(), m.atMs(), m.change())).toList();
    }

    private void drawCandidates(List<Retirement> accidents) {
        List<Intervention> candidates = new ArrayList<>();
        List<SlowZone> zoneCandidates = new ArrayList<>();
        for (Retirement accident : accidents) {
            long reaction = random.between(15_000L, 45_000L);
            double roll = random.nextDouble();
            if (roll < 0.45) {
                candidates.add(fullCourseYellow(accident.atMs() + reaction, random.chance(0.3)));
            } else if (roll < 0.6) {
                candidates.add(safetyCar(accident.atMs() + reaction));
            } else {
                zoneCandidates.addAll(slowZones(accident.atMs() + reaction));
            }
        }
        long slot = 10 * MINUTE;
        for (long from = 20 * MINUTE; from + slot <= durationMs; from += slot) {
            double hoursInSlot = slot / 3_600_000.0;
            if (random.chance(FCY_PER_HOUR * hoursInSlot)) {
                candidates.add(fullCourseYellow(from + random.between(0L, slot), random.chance(0.25)));
            }
            if (random.chance(SAFETY_CAR_PER_HOUR * hoursInSlot)) {
                candidates.add(safetyCar(from + random.between(0L, slot)));
            }
            if (random.chance(SLOW_ZONES_PER_HOUR * hoursInSlot)) {
                zoneCandidates.addAll(slowZones(from + random.between(0L, slot)));
            }
        }
        keepApart(candidates);
        keepZonesApart(zoneCandidates);
    }

    private Intervention fullCourseYellow(long fromMs, boolean becomesSafetyCar) {
        if (becomesSafetyCar) {
            long safetyCar = fromMs + random.between(60_000L, 150_000L);
            return new Intervention(fromMs, safetyCar, safetyCar + random.between(12 * MINUTE, 25 * MINUTE));
        }
        return new Intervention(fromMs, -1, fromMs + random.between(3 * MINUTE, 7 * MINUTE));
    }

    private Intervention safetyCar(long fromMs) {
        return new Intervention(fromMs, fromMs, fromMs + random.between(10 * MINUTE, 22 * MINUTE));
    }

    /** A slow zone, and now and then a second one that overlaps it (marshals at two places). */
    private List<SlowZone> slowZones(long fromMs) {
        List<SlowZone> zones = new ArrayList<>(2);
        int first = 1 + random.nextInt(ZONES);
        long until = fromMs + random.between(2 * MINUTE, 8 * MINUTE);
        zones.add(zone(first, fromMs, until));
        if (random.chance(0.35)) {
            int second = 1 + (first + random.nextInt(ZONES - 1)) % ZONES;
            long secondFrom = random.between(fromMs, until);
            zones.add(zone(second, secondFrom, secondFrom + random.between(2 * MINUTE, 6 * MINUTE)));
        }
        return zones;
    }

    private SlowZone zone(int zone, long fromMs, long toMs) {
        double middle = (zone - 0.5) / ZONES;
        return new SlowZone(Integer.toString(zone), SimulatedTrack.sectorAt(middle), zoneShare[zone], fromMs, toMs);
    }

    /** Nothing starts in the last quarter hour, all is over five minutes before the end, and FCY/SC never overlap. */
    private void keepApart(List<Intervention> candidates) {
        candidates.sort(Comparator.comparingLong(Intervention::fromMs));
        long lastStart = durationMs - 15 * MINUTE;
        long clearBy = durationMs - 5 * MINUTE;
        long freeFrom = 0;
        for (Intervention c : candidates) {
            if (c.fromMs() < freeFrom || c.fromMs() > lastStart) {
                continue;
            }
            long to = Math.min(c.toMs(), clearBy);
            long safetyCar = c.safetyCarMs() >= to ? -1 : c.safetyCarMs();
            if (to - c.fromMs() < MINUTE) {
                continue;
            }
            interventions.add(new Intervention(c.fromMs(), safetyCar, to));
            freeFrom = to + 2 * MINUTE;
        }
    }

    private void keepZonesApart(List<SlowZone> candidates) {
        candidates.sort(Comparator.comparingLong(SlowZone::fromMs));
        long lastStart = durationMs - 15 * MINUTE;
        long clearBy = durationMs - 5 * MINUTE;
        for (SlowZone c : candidates) {
            boolean clash = slowZones.stream()
                    .anyMatch(z -> z.zone().equals(c.zone()) && c.fromMs() < z.toMs() + MINUTE);
            long to = Math.min(c.toMs(), clearBy);
            if (clash || c.fromMs() > lastStart || to - c.fromMs() < MINUTE) {
                continue;
            }
            slowZones.add(new SlowZone(c.zone(), c.sector(), c.share(), c.fromMs(), to));
        }
    }

    private static TrackStatusChanged status(TrackStatus status, String zone, boolean active) {
        return new TrackStatusChanged(status, zone, active);
    }
}
