package org.racetiming.ingest.feed.simulator;

import java.util.List;
import java.util.TreeSet;

/**
 * Where and when the track is neutralised, and what that does to a car's progress. A car drives
 * at its own green pace, capped by the FCY or safety-car speed when those are out; an active slow
 * zone caps it over the zone's part of its sector. Travel is integrated across condition changes,
 * so an FCY declared mid-sector slows only the rest of that sector.
 */
final class TrackConditions {

    enum Neutralisation { NONE, FULL_COURSE_YELLOW, SAFETY_CAR }

    /** The whole track neutralised from {@code fromMs} (inclusive) to {@code toMs} (exclusive). */
    record Period(long fromMs, long toMs, Neutralisation kind) {
    }

    /** A slow zone covering {@code share} of the lap inside one sector. */
    record SlowZone(String zone, int sector, double share, long fromMs, long toMs) {
    }

    private static final double FCY_SPEED = SimulatedTrack.lapsPerMs(SimulatedTrack.FCY_SPEED_KPH);
    private static final double SAFETY_CAR_SPEED = SimulatedTrack.lapsPerMs(SimulatedTrack.SAFETY_CAR_SPEED_KPH);

    private final List<Period> periods;
    private final SectorTimeline[] sectors;

    TrackConditions(List<Period> periods, List<SlowZone> slowZones) {
        this.periods = List.copyOf(periods);
        this.sectors = new SectorTimeline[SimulatedTrack.sectors()];
        for (int s = 0; s < sectors.length; s++) {
            sectors[s] = new SectorTimeline(s, this.periods, slowZones);
        }
    }

    Neutralisation neutralisationAt(long atMs) {
        for (Period p : periods) {
            if (p.fromMs() <= atMs && atMs < p.toMs()) {
                return p.kind();
            }
        }
        return Neutralisation.NONE;
    }

    /**
     * When a car that sets off at {@code fromMs} reaches the end of {@code distance} (a lap
     * fraction inside {@code sector}), driving at {@code greenSpeed} (lap fractions per ms) where
     * nothing slows it, and at {@code capFactor} times the FCY or safety-car speed where something
     * does (no two drivers hold the limit alike).
     */
    double travel(double fromMs, int sector, double distance, double greenSpeed, double capFactor) {
        return sectors[sector].travel(fromMs, distance, greenSpeed, capFactor);
    }

    /** Piecewise-constant conditions of one sector, as parallel arrays for a quick walk. */
    private static final class SectorTimeline {
        private final double sectorShare;
        private final long[] changes;
        private final Neutralisation[] neutralisation;
        private final double[] slowShare;

        SectorTimeline(int sector, List<Period> periods, List<SlowZone> slowZones) {
            this.sectorShare = SimulatedTrack.sectorShare(sector);
            TreeSet<Long> at = new TreeSet<>();
            at.add(0L);
            for (Period p : periods) {
                at.add(p.fromMs());
                at.add(p.toMs());
            }
            List<SlowZone> here = slowZones.stream().filter(z -> z.sector() == sector).toList();
            for (SlowZone z : here) {
                at.add(z.fromMs());
                at.add(z.toMs());
            }
            changes = at.stream().mapToLong(Long::longValue).toArray();
            neutralisation = new Neutralisation[changes.length];
            slowShare = new double[changes.length];
            for (int i = 0; i < changes.length; i++) {
                long t = changes[i];
                neutralisation[i] = Neutralisation.NONE;
                for (Period p : periods) {
                    if (p.fromMs() <= t && t < p.toMs()) {
                        neutralisation[i] = p.kind();
                    }
                }
                double share = 0;
                for (SlowZone z : here) {
                    if (z.fromMs() <= t && t < z.toMs()) {
                        share += z.share();
                    }
                }
                // Zones never cover a whole sector: cars are at racing speed between them.
                slowShare[i] = Math.min(share, sectorShare * 0.6);
            }
        }

        double travel(double fromMs, double distance, double greenSpeed, double capFactor) {
            int i = segmentAt(fromMs);
            double t = fromMs;
            double left = distance;
            while (true) {
                double v = speed(i, greenSpeed, capFactor);
                double next = i + 1 < changes.length ? changes[i + 1] : Double.POSITIVE_INFINITY;
                double arrival = t + left / v;
                if (arrival <= next) {
                    return arrival;
                }
                left -= v * (next - t);
                t = next;
                i++;
            }
        }

        private double speed(int segment, double greenSpeed, double capFactor) {
            double fcy = Math.min(greenSpeed, FCY_SPEED * capFactor);
            return switch (neutralisation[segment]) {
                case SAFETY_CAR -> Math.min(greenSpeed, SAFETY_CAR_SPEED * capFactor);
                case FULL_COURSE_YELLOW -> fcy;
                case NONE -> {
                    double z = slowShare[segment];
                    if (z == 0) {
                        yield greenSpeed;
                    }
                    double msPerSector = (sectorShare - z) / greenSpeed + z / fcy;
                    yield sectorShare / msPerSector;
                }
            };
        }

        private int segmentAt(double t) {
            int lo = 0;
            int hi = changes.length - 1;
            while (lo < hi) {
                int mid = (lo + hi + 1) >>> 1;
                if (changes[mid] <= t) {
                    lo = mid;
                } else {
                    hi = mid - 1;
                }
            }
            return lo;
        }
    }
}
