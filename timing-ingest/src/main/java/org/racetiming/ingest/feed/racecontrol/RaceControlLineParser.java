package org.racetiming.ingest.feed.racecontrol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import org.racetiming.event.CarRetired;
import org.racetiming.event.PenaltyApplied;
import org.racetiming.event.SessionEnded;
import org.racetiming.event.TimingEvent;
import org.racetiming.event.TrackStatusChanged;
import org.racetiming.ingest.feed.EventEnvelope;
import org.racetiming.ingest.feed.EventIds;
import org.racetiming.ingest.feed.FeedOptions;
import org.racetiming.time.RaceTime;

/**
 * One JSON line of race control to one event, or a reason why not. Unknown fields are ignored.
 * Public so that the HTTP ingest API reads race-control objects exactly as the JSON Lines adapter does.
 */
public final class RaceControlLineParser {

    /** A line that cannot be used; the message is the reason shown to people. */
    public static final class BadLineException extends RuntimeException {
        BadLineException(String reason) {
            super(reason, null, false, false);
        }
    }

    // Floats as BigDecimal: a 5.5 s penalty must become exactly 5,500 ms.
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final BigDecimal MS_PER_SECOND = BigDecimal.valueOf(1000);

    private final FeedOptions options;

    public RaceControlLineParser(FeedOptions options) {
        this.options = options;
    }

    public TimingEvent parse(String line, String source) {
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            throw new BadLineException("not JSON: " + e.getOriginalMessage());
        }
        return parse(node, source);
    }

    /**
     * A race-control object already parsed as JSON; read floats as {@link BigDecimal}
     * ({@code USE_BIG_DECIMAL_FOR_FLOATS}) or penalty seconds may lose their exact milliseconds.
     */
    public TimingEvent parse(JsonNode node, String source) {
        if (node == null || !node.isObject()) {
            throw new BadLineException("not a JSON object");
        }
        long at = at(node);
        String typeText = text(node, "type");
        if (typeText == null) {
            throw new BadLineException("missing type");
        }
        RaceControlType type = RaceControlType.of(typeText).orElseThrow(() ->
                new BadLineException("unknown type '" + typeText + "' (expected one of " + RaceControlType.known() + ")"));
        return switch (type) {
            case RETIREMENT -> {
                String car = car(node);
                yield wrap(type, at, car, source, new CarRetired(car, text(node, "reason")));
            }
            case PENALTY -> {
                String car = car(node);
                yield wrap(type, at, car, source, penalty(node, car));
            }
            case SLOW_ZONE_START, SLOW_ZONE_END -> {
                String zone = zone(node);
                yield wrap(type, at, zone, source, new TrackStatusChanged(type.trackStatus(), zone, type == RaceControlType.SLOW_ZONE_START));
            }
            case SESSION_END -> EventEnvelope.wrap(options, EventIds.sessionEnded(), at, source, new SessionEnded(text(node, "reason")));
            default -> wrap(type, at, null, source, new TrackStatusChanged(type.trackStatus(), null, true));
        };
    }

    private TimingEvent wrap(RaceControlType type, long at, String carOrZone, String source, Object payload) {
        return EventEnvelope.wrap(options, EventIds.raceControl(type.name(), at, carOrZone), at, source, payload);
    }

    private static long at(JsonNode node) {
        JsonNode at = node.get("at");
        if (at == null || at.isNull()) {
            throw new BadLineException("missing at");
        }
        if (!at.isTextual()) {
            throw new BadLineException("at must be a session time text like \"1:02:03.400\", not " + at);
        }
        try {
            return RaceTime.parse(at.textValue());
        } catch (IllegalArgumentException e) {
            throw new BadLineException("at '" + at.textValue() + "' is not a time");
        }
    }

    private static String car(JsonNode node) {
        JsonNode car = node.get("car");
        if (car == null || car.isNull() || (car.isTextual() && car.textValue().isBlank())) {
            throw new BadLineException("missing car");
        }
        if (!car.isTextual()) {
            throw new BadLineException("car must be a string (race numbers keep leading zeros: \"007\"), not " + car);
        }
        return car.textValue().trim();
    }

    private static String zone(JsonNode node) {
        JsonNode zone = node.get("zone");
        if (zone == null || zone.isNull() || (zone.isTextual() && zone.textValue().isBlank())) {
            throw new BadLineException("missing zone");
        }
        if (zone.isTextual()) {
            return zone.textValue().trim();
        }
        if (zone.isIntegralNumber()) {
            return zone.asText();
        }
        throw new BadLineException("zone must be a string, not " + zone);
    }

    private static PenaltyApplied penalty(JsonNode node, String car) {
        JsonNode laps = present(node.get("laps"));
        JsonNode seconds = present(node.get("seconds"));
        if (laps == null && seconds == null) {
            throw new BadLineException("PENALTY needs laps or seconds");
        }
        int lapCount = 0;
        if (laps != null) {
            if (!laps.isIntegralNumber() || !laps.canConvertToInt()) {
                throw new BadLineException("laps " + laps + " is not a whole number");
            }
            lapCount = laps.intValue();
            if (lapCount < 0) {
                throw new BadLineException("laps " + lapCount + " is negative");
            }
        }
        long timeMs = 0;
        if (seconds != null) {
            if (!seconds.isNumber()) {
                throw new BadLineException("seconds must be a number, not " + seconds);
            }
            BigDecimal value = seconds.decimalValue();
            if (value.signum() < 0) {
                throw new BadLineException("seconds " + value.toPlainString() + " is negative");
            }
            BigDecimal ms = value.multiply(MS_PER_SECOND).stripTrailingZeros();
            if (ms.scale() > 0) {
                throw new BadLineException("seconds " + value.toPlainString() + " is finer than a millisecond");
            }
            try {
                timeMs = ms.longValueExact();
            } catch (ArithmeticException e) {
                throw new BadLineException("seconds " + value.toPlainString() + " is too large");
            }
        }
        return new PenaltyApplied(car, lapCount, timeMs, text(node, "reason"));
    }

    private static JsonNode present(JsonNode node) {
        return node == null || node.isNull() ? null : node;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = present(node.get(field));
        if (value == null) {
            return null;
        }
        String text = value.isTextual() ? value.textValue() : value.toString();
        return text.isBlank() ? null : text;
    }
}
