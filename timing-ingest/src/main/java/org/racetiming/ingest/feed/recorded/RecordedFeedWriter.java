package org.racetiming.ingest.feed.recorded;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.racetiming.event.CarRetired;
import org.racetiming.event.Driver;
import org.racetiming.event.DriverChanged;
import org.racetiming.event.Entry;
import org.racetiming.event.LapCompleted;
import org.racetiming.event.MinimumDriveTime;
import org.racetiming.event.PenaltyApplied;
import org.racetiming.event.PitIn;
import org.racetiming.event.PitOut;
import org.racetiming.event.SessionEnded;
import org.racetiming.event.SessionStarted;
import org.racetiming.event.TimingEvent;
import org.racetiming.event.TimingPointPassed;
import org.racetiming.event.TrackStatus;
import org.racetiming.event.TrackStatusChanged;
import org.racetiming.ingest.feed.EventIds;
import org.racetiming.time.RaceTime;

/**
 * Writes events as a recorded live feed: one JSON object a line in the HTTP ingest API's format,
 * which {@link RecordedFeedReader} (the API's parser) reads back into the same events: same ids,
 * session times and payloads. Every line carries its {@code eventId}, since ids of the timing file
 * (e.g. {@code track/…} for a flag seen at a crossing) are not always what the API would derive.
 * Wall clock and source are not written: a reader gives them anew.
 *
 * <p>Not thread-safe; one writer per file, events in the order they are to be read.
 */
public final class RecordedFeedWriter {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final BigDecimal MS_PER_SECOND = BigDecimal.valueOf(1000);

    private final Writer out;
    /** The last lap each car completed: a driver change without a lap in its id starts the next one. */
    private final Map<String, Integer> lastLap = new HashMap<>();

    public RecordedFeedWriter(Writer out) {
        this.out = out;
    }

    public void write(TimingEvent event) {
        try {
            out.write(JSON.writeValueAsString(toJson(event)));
            out.write('\n');
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write event " + event.getEventId() + " as JSON", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the feed", e);
        }
    }

    public void writeAll(List<TimingEvent> events) {
        events.forEach(this::write);
    }

    /** The event as the API takes it. */
    ObjectNode toJson(TimingEvent event) {
        ObjectNode node = JSON.createObjectNode();
        node.put("type", ""); // first on the line, for people reading the feed; set by the payload below
        node.put("at", RaceTime.formatHms(event.getSessionTimeMs()));
        node.put("eventId", event.getEventId());
        Object payload = event.getPayload();
        if (payload instanceof SessionStarted start) {
            sessionStarted(node.put("type", "SESSION_STARTED"), start);
        } else if (payload instanceof LapCompleted lap) {
            lastLap.merge(lap.getCar(), lap.getLap(), Math::max);
            lapCompleted(node.put("type", "LAP_COMPLETED"), lap);
        } else if (payload instanceof TimingPointPassed point) {
            node.put("type", "TIMING_POINT").put("car", point.getCar()).put("lap", point.getLap()).put("point", point.getPoint());
            putTime(node, "sectorTime", point.getSectorTimeMs());
        } else if (payload instanceof PitIn pitIn) {
            node.put("type", "PIT_IN").put("car", pitIn.getCar()).put("lap", pitIn.getLap());
        } else if (payload instanceof PitOut pitOut) {
            node.put("type", "PIT_OUT").put("car", pitOut.getCar()).put("lap", pitOut.getLap());
            putTime(node, "pitTime", pitOut.getPitLaneTimeMs());
        } else if (payload instanceof DriverChanged change) {
            node.put("type", "DRIVER_CHANGE").put("car", change.getCar()).put("lap", driverChangeLap(event.getEventId(), change))
                    .put("driver", change.getDriverName());
            putInt(node, "driverSeat", change.getDriverSeat());
        } else if (payload instanceof TrackStatusChanged status) {
            trackStatus(node, status, event);
        } else if (payload instanceof CarRetired retired) {
            node.put("type", "RETIREMENT").put("car", retired.getCar());
            putText(node, "reason", retired.getReason());
        } else if (payload instanceof PenaltyApplied penalty) {
            penalty(node.put("type", "PENALTY"), penalty);
        } else if (payload instanceof SessionEnded end) {
            node.put("type", "SESSION_END");
            putText(node, "reason", end.getReason());
        } else {
            throw new IllegalArgumentException("event " + event.getEventId() + ": no API type for a "
                    + (payload == null ? "missing payload" : payload.getClass().getSimpleName()));
        }
        return node;
    }

    private static void sessionStarted(ObjectNode node, SessionStarted start) {
        node.put("name", start.getName()).put("sessionType", start.getSessionType().name());
        putTime(node, "scheduledDuration", start.getScheduledDurationMs());
        ArrayNode points = node.putArray("intermediatePoints");
        start.getIntermediatePoints().forEach(points::add);
        ArrayNode entries = node.putArray("entries");
        for (Entry entry : start.getEntries()) {
            ObjectNode e = entries.addObject().put("car", entry.getCar()).put("class", entry.getCarClass());
            putText(e, "group", entry.getGroup());
            putText(e, "team", entry.getTeam());
            putText(e, "vehicle", entry.getVehicle());
            ArrayNode drivers = e.putArray("drivers");
            List<Driver> lineUp = entry.getDrivers();
            for (int i = 0; i < lineUp.size(); i++) {
                Driver driver = lineUp.get(i);
                // A plain name takes the seat of its place in the list; anything else needs an object.
                if (driver.getCategory() == null && driver.getSeat() == i + 1) {
                    drivers.add(driver.getName());
                } else {
                    ObjectNode d = drivers.addObject().put("name", driver.getName()).put("seat", driver.getSeat());
                    putText(d, "category", driver.getCategory());
                }
            }
        }
        if (!start.getMinimumDriveTimes().isEmpty()) {
            ArrayNode minimums = node.putArray("minimumDriveTimes");
            for (MinimumDriveTime minimum : start.getMinimumDriveTimes()) {
                minimums.addObject().put("category", minimum.getCategory()).put("minimum", RaceTime.formatHms(minimum.getMinimumMs()));
            }
        }
    }

    private static void lapCompleted(ObjectNode node, LapCompleted lap) {
        node.put("car", lap.getCar()).put("lap", lap.getLap());
        putTime(node, "lapTime", lap.getLapTimeMs());
        if (lap.getSectorTimesMs() != null && !lap.getSectorTimesMs().isEmpty()) {
            ArrayNode sectors = node.putArray("sectors");
            lap.getSectorTimesMs().forEach(s -> {
                if (s == null) {
                    sectors.addNull();
                } else {
                    sectors.add(RaceTime.formatShort(s));
                }
            });
        }
        if (lap.getCrossedInPit()) {
            node.put("inPit", true);
        }
        putText(node, "driver", lap.getDriverName());
        putInt(node, "driverSeat", lap.getDriverSeat());
        if (lap.getKph() != null) {
            node.put("kph", lap.getKph());
        }
        if (lap.getTopSpeedKph() != null) {
            node.put("topSpeed", lap.getTopSpeedKph());
        }
    }

    private static void trackStatus(ObjectNode node, TrackStatusChanged status, TimingEvent event) {
        if (status.getStatus() == TrackStatus.SLOW_ZONE) {
            node.put("type", status.getActive() ? "SLOW_ZONE_START" : "SLOW_ZONE_END").put("zone", status.getZone());
        } else if (status.getActive() && status.getZone() == null && status.getStatus() != TrackStatus.YELLOW) {
            node.put("type", status.getStatus().name());
        } else {
            throw new IllegalArgumentException("event " + event.getEventId() + ": no API type for " + status);
        }
    }

    private static void penalty(ObjectNode node, PenaltyApplied penalty) {
        node.put("car", penalty.getCar());
        // A penalty of nothing is refused by the API; write its laps (0) so that it reads back as it was.
        if (penalty.getLaps() > 0 || penalty.getTimeMs() == 0) {
            node.put("laps", penalty.getLaps());
        }
        if (penalty.getTimeMs() > 0) {
            node.put("seconds", BigDecimal.valueOf(penalty.getTimeMs()).divide(MS_PER_SECOND).stripTrailingZeros());
        }
        putText(node, "reason", penalty.getReason());
    }

    /** The new driver's first lap: in its id when the id is the derived one, else the lap after the car's last. */
    private int driverChangeLap(String eventId, DriverChanged change) {
        String prefix = EventIds.driverChanged(change.getCar(), 0);
        prefix = prefix.substring(0, prefix.length() - 1);
        if (eventId.startsWith(prefix)) {
            try {
                return Integer.parseInt(eventId.substring(prefix.length()));
            } catch (NumberFormatException ignored) {
                // not a derived id: fall through
            }
        }
        return lastLap.getOrDefault(change.getCar(), 0) + 1;
    }

    private static void putTime(ObjectNode node, String field, Long ms) {
        if (ms != null) {
            node.put(field, RaceTime.formatShort(ms));
        }
    }

    private static void putInt(ObjectNode node, String field, Integer value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    private static void putText(ObjectNode node, String field, String value) {
        if (value != null && !value.isBlank()) {
            node.put(field, value);
        }
    }
}
