package org.racetiming.ingest.http;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.LongFunction;
import java.util.stream.Collectors;
import org.racetiming.event.Driver;
import org.racetiming.event.DriverChanged;
import org.racetiming.event.Entry;
import org.racetiming.event.LapCompleted;
import org.racetiming.event.MinimumDriveTime;
import org.racetiming.event.PitIn;
import org.racetiming.event.PitOut;
import org.racetiming.event.SessionStarted;
import org.racetiming.event.SessionType;
import org.racetiming.event.TimingEvent;
import org.racetiming.event.TimingPointPassed;
import org.racetiming.ingest.feed.EventIds;
import org.racetiming.ingest.feed.FeedOptions;
import org.racetiming.ingest.feed.racecontrol.RaceControlLineParser;
import org.racetiming.ingest.feed.racecontrol.RaceControlType;
import org.racetiming.time.RaceTime;

/**
 * The JSON event format of the HTTP ingest API (README, "Ingest service") to {@link TimingEvent}s,
 * collecting every problem of every event rather than stopping at the first. Race-control types are
 * read by the JSON Lines adapter's own {@link RaceControlLineParser}, so both paths agree.
 * Unknown fields are ignored. Checks that need the session's history (unknown car, duplicate, lap
 * going backwards...) are not made here but by the shared validator.
 *
 * <p>Public because a recorded live feed (JSON Lines of these objects) is read by the same parser:
 * an event means the same, and gets the same default id, whether it came over HTTP or from a file.
 */
public final class HttpEventParser {

    /** The types of timing events; race-control types ({@link RaceControlType}) are the others. */
    enum TimingType { SESSION_STARTED, LAP_COMPLETED, TIMING_POINT, PIT_IN, PIT_OUT, DRIVER_CHANGE }

    /** One event of a request: made, or the problems that stopped it. */
    public record Item(int index, JsonNode raw, TimingEvent event, List<EventProblem> problems) {
        public boolean ok() {
            return event != null;
        }
    }

    /** The body is not JSON; where the parser stopped. */
    public static final class NotJsonException extends Exception {
        private final int line;
        private final int column;

        NotJsonException(String message, int line, int column) {
            super(message, null, false, false);
            this.line = line;
            this.column = column;
        }

        public EventProblem problem() {
            return EventProblem.notJson(getMessage(), line, column);
        }
    }

    private static final int MAX_EVENT_ID_LENGTH = 200;

    // Floats as BigDecimal: race control's penalty seconds must be exact to the millisecond.
    // Duplicate keys are an error: which of two "lap"s was meant cannot be guessed.
    static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    /** The events of a body: one object, or an array of them. */
    static List<JsonNode> events(byte[] body) throws NotJsonException {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw notJson(e);
        } catch (IOException e) {
            throw new NotJsonException("not JSON: " + e.getMessage(), 0, 0);
        }
        if (root == null || root.isMissingNode()) {
            throw new NotJsonException("empty body: expected a JSON event object or an array of them", 1, 1);
        }
        if (root.isObject()) {
            return List.of(root);
        }
        if (root.isArray()) {
            List<JsonNode> events = new ArrayList<>(root.size());
            root.forEach(events::add);
            return events;
        }
        throw new NotJsonException("expected a JSON event object or an array of them, not " + root.getNodeType()
                .toString().toLowerCase(Locale.ROOT), 1, 1);
    }

    /**
     * One line of a recorded feed as JSON: any JSON value (an array or a number is an event the
     * parser then refuses with its reason); an empty or broken line is {@link NotJsonException}.
     */
    public static JsonNode line(String line) throws NotJsonException {
        try {
            JsonNode node = JSON.readTree(line);
            if (node == null || node.isMissingNode()) {
                throw new NotJsonException("empty line: expected a JSON event object", 1, 1);
            }
            return node;
        } catch (JsonProcessingException e) {
            throw notJson(e);
        }
    }

    private static NotJsonException notJson(JsonProcessingException e) {
        JsonLocation where = e.getLocation();
        return new NotJsonException("not JSON: " + e.getOriginalMessage(), where == null ? 0 : where.getLineNr(),
                where == null ? 0 : where.getColumnNr());
    }

    private final String sessionId;
    private final String source;
    private final LongFunction<Instant> defaultWallClock;
    private final RaceControlLineParser raceControl;

    /**
     * For the events of one request.
     *
     * @param source     the events' source, e.g. {@code http:<request id>}
     * @param receivedAt wall clock of events that do not give their own
     */
    public HttpEventParser(String sessionId, String source, Instant receivedAt) {
        this(sessionId, source, at -> receivedAt);
    }

    /**
     * @param source           the events' default source ({@link #read(int, JsonNode, String)} gives each its own)
     * @param defaultWallClock wall clock of an event that does not give its own, by its session time
     */
    public HttpEventParser(String sessionId, String source, LongFunction<Instant> defaultWallClock) {
        this.sessionId = sessionId;
        this.source = source;
        this.defaultWallClock = defaultWallClock;
        this.raceControl = new RaceControlLineParser(FeedOptions.race(sessionId));
    }

    public Item read(int index, JsonNode node) {
        return read(index, node, source);
    }

    /** Reads one event object whose source is its own (e.g. a line of a file: {@code feed.jsonl:12}). */
    public Item read(int index, JsonNode node, String eventSource) {
        if (node == null || !node.isObject()) {
            return new Item(index, node, null, List.of(EventProblem.of(index, null, "an event must be a JSON object, not "
                    + (node == null ? "nothing" : node.getNodeType().toString().toLowerCase(Locale.ROOT)))));
        }
        Fields fields = new Fields(index, node);
        String typeText = fields.requiredText("type");
        if (typeText == null) {
            return fields.failed();
        }
        String typeName = typeText.strip().toUpperCase(Locale.ROOT);
        TimingType timingType = Arrays.stream(TimingType.values()).filter(t -> t.name().equals(typeName)).findFirst().orElse(null);
        if (timingType == null && RaceControlType.of(typeName).isEmpty()) {
            fields.problem("type", "unknown type '" + typeText + "' (expected one of " + knownTypes() + ")");
            return fields.failed();
        }
        String eventId = fields.optionalText("eventId");
        if (eventId != null && eventId.length() > MAX_EVENT_ID_LENGTH) {
            fields.problem("eventId", "longer than " + MAX_EVENT_ID_LENGTH + " characters");
        }
        Instant wallClock = fields.optionalInstant("wallClock");
        TimingEvent event = timingType == null ? raceControl(fields, node) : timing(timingType, fields);
        if (!fields.problems.isEmpty() || event == null) {
            return fields.failed();
        }
        if (eventId != null) {
            event.setEventId(eventId);
        }
        event.setSource(eventSource);
        event.setWallClock(wallClock != null ? wallClock : defaultWallClock.apply(event.getSessionTimeMs()));
        return new Item(index, node, event, List.of());
    }

    private TimingEvent timing(TimingType type, Fields f) {
        Long at = type == TimingType.SESSION_STARTED ? f.optionalTime("at", 0L) : f.requiredTime("at");
        return switch (type) {
            case SESSION_STARTED -> {
                SessionStarted start = sessionStarted(f);
                yield at == null || start == null ? null : wrap(EventIds.sessionStarted(), at, start);
            }
            case LAP_COMPLETED -> {
                String car = f.car();
                Integer lap = f.requiredInt("lap");
                Long lapTime = f.optionalTime("lapTime", null);
                List<Long> sectors = f.optionalTimes("sectors");
                Boolean inPit = f.optionalBoolean("inPit");
                String driver = f.optionalText("driver");
                Integer seat = f.optionalInt("driverSeat");
                Double kph = f.optionalDouble("kph");
                Double topSpeed = f.optionalDouble("topSpeed");
                yield f.ok() ? wrap(EventIds.lapCompleted(car, lap), at, new LapCompleted(car, lap, lapTime, sectors,
                        Boolean.TRUE.equals(inPit), seat, driver, kph, topSpeed)) : null;
            }
            case TIMING_POINT -> {
                String car = f.car();
                Integer lap = f.requiredInt("lap");
                Integer point = f.requiredInt("point");
                Long sectorTime = f.optionalTime("sectorTime", null);
                yield f.ok() ? wrap(EventIds.timingPoint(car, lap, point), at, new TimingPointPassed(car, lap, point, sectorTime)) : null;
            }
            case PIT_IN -> {
                String car = f.car();
                Integer lap = f.requiredInt("lap");
                yield f.ok() ? wrap(EventIds.pitIn(car, lap), at, new PitIn(car, lap)) : null;
            }
            case PIT_OUT -> {
                String car = f.car();
                Integer lap = f.requiredInt("lap");
                Long pitTime = f.optionalTime("pitTime", null);
                yield f.ok() ? wrap(EventIds.pitOut(car, lap), at, new PitOut(car, lap, pitTime)) : null;
            }
            case DRIVER_CHANGE -> {
                String car = f.car();
                // The lap the new driver starts: it makes the event id, as in the CSV adapter.
                Integer lap = f.requiredInt("lap");
                String driver = f.requiredText("driver");
                Integer seat = f.optionalInt("driverSeat");
                yield f.ok() ? wrap(EventIds.driverChanged(car, lap), at, new DriverChanged(car, seat, driver)) : null;
            }
        };
    }

    private SessionStarted sessionStarted(Fields f) {
        String name = f.optionalText("name");
        String typeText = f.optionalText("sessionType");
        SessionType sessionType = SessionType.RACE;
        if (typeText != null) {
            try {
                sessionType = SessionType.valueOf(typeText.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                f.problem("sessionType", "unknown session type '" + typeText + "' (expected one of "
                        + Arrays.stream(SessionType.values()).map(Enum::name).collect(Collectors.joining(", ")) + ")");
            }
        }
        Long duration = f.optionalTime("scheduledDuration", null);
        List<String> points = f.optionalTexts("intermediatePoints");
        List<Entry> entries = entries(f);
        List<MinimumDriveTime> minimums = minimumDriveTimes(f);
        if (!f.ok()) {
            return null;
        }
        return new SessionStarted(name == null ? sessionId : name, sessionType, duration, points == null ? List.of() : points, entries,
                minimums);
    }

    /** {@code [{"category":"BRONZE","minimum":"2:20:00"}]}: one minimum per driver category. */
    private List<MinimumDriveTime> minimumDriveTimes(Fields f) {
        JsonNode list = present(f.node.get("minimumDriveTimes"));
        if (list == null) {
            return List.of();
        }
        if (!list.isArray()) {
            f.problem("minimumDriveTimes", "must be an array of {\"category\", \"minimum\"}");
            return List.of();
        }
        List<MinimumDriveTime> minimums = new ArrayList<>(list.size());
        Set<String> categories = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            String at = "minimumDriveTimes[" + i + "]";
            if (!list.get(i).isObject()) {
                f.problem(at, "must be an object with category and minimum");
                continue;
            }
            Fields m = f.nested(list.get(i), at + ".");
            String category = m.requiredText("category");
            Long minimum = m.requiredTime("minimum");
            if (category != null && !categories.add(category(category))) {
                m.problem("category", "'" + category + "' is given twice");
            } else if (category != null && minimum != null) {
                minimums.add(new MinimumDriveTime(category(category), minimum));
            }
        }
        return minimums;
    }

    /** Categories are compared as words (FIA writes them in capitals): "Bronze" is BRONZE. */
    private static String category(String text) {
        return text.strip().toUpperCase(Locale.ROOT);
    }

    private List<Entry> entries(Fields f) {
        JsonNode list = present(f.node.get("entries"));
        if (list == null) {
            return List.of();
        }
        if (!list.isArray()) {
            f.problem("entries", "must be an array of entries");
            return List.of();
        }
        List<Entry> entries = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            String at = "entries[" + i + "]";
            JsonNode entry = list.get(i);
            if (!entry.isObject()) {
                f.problem(at, "must be an object with car and class");
                continue;
            }
            Fields e = f.nested(entry, at + ".");
            String car = e.car();
            String carClass = e.requiredText("class");
            String group = e.optionalText("group");
            String team = e.optionalText("team");
            String vehicle = e.optionalText("vehicle");
            List<Driver> lineUp = drivers(e);
            if (car != null && carClass != null) {
                entries.add(new Entry(car, carClass, group, team, vehicle, lineUp));
            }
        }
        return entries;
    }

    /**
     * A line-up by seat: each driver a name, or {@code {"name", "category", "seat"}} (seat defaults to
     * the place in the list, as for a plain name).
     */
    private static List<Driver> drivers(Fields e) {
        JsonNode list = present(e.node.get("drivers"));
        if (list == null) {
            return List.of();
        }
        if (!list.isArray()) {
            e.problem("drivers", "must be an array of names or {\"name\", \"category\"} objects, not " + list);
            return List.of();
        }
        List<Driver> lineUp = new ArrayList<>(list.size());
        Set<Integer> seats = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            String at = "drivers[" + i + "]";
            JsonNode item = list.get(i);
            String name;
            String category = null;
            Integer seat = i + 1;
            if (item.isTextual() && !item.textValue().isBlank()) {
                name = item.textValue().strip();
            } else if (item.isObject()) {
                Fields d = e.nested(item, at + ".");
                name = d.requiredText("name");
                String given = d.optionalText("category");
                category = given == null ? null : category(given);
                Integer givenSeat = d.optionalInt("seat");
                if (givenSeat != null && givenSeat < 1) {
                    d.problem("seat", "must be 1 or more, not " + givenSeat);
                }
                seat = givenSeat == null ? seat : givenSeat;
            } else {
                e.problem(at, "must be a driver's name or {\"name\", \"category\"}, not " + item);
                continue;
            }
            if (!seats.add(seat)) {
                e.problem(at, "seat " + seat + " is taken by another driver of the car");
            } else if (name != null) {
                lineUp.add(new Driver(seat, name, category));
            }
        }
        return lineUp;
    }

    private TimingEvent raceControl(Fields f, JsonNode node) {
        // The adapter stops at its first problem: check "at" here, so that a bad time and, say, a
        // missing car are both reported.
        Long at = f.requiredTime("at");
        JsonNode forAdapter = node;
        if (at == null) {
            forAdapter = ((ObjectNode) node.deepCopy()).put("at", "0:00:00.000");
        }
        try {
            TimingEvent event = raceControl.parse(forAdapter, source);
            return at == null ? null : event;
        } catch (RaceControlLineParser.BadLineException e) {
            f.problem(raceControlField(e.getMessage()), e.getMessage());
            return null;
        }
    }

    /** The field a race-control reason is about: the adapter's reasons start with it ("missing car", "laps 1.5 is ..."). */
    static String raceControlField(String reason) {
        String text = reason.startsWith("missing ") ? reason.substring("missing ".length()) : reason;
        String first = text.split("[ ,:]", 2)[0];
        return switch (first) {
            case "car", "zone", "laps", "seconds", "at", "type", "reason" -> first;
            case "PENALTY" -> "seconds";
            default -> null;
        };
    }

    /** Source and wall clock are set by {@link #read} once the event is whole. */
    private TimingEvent wrap(String eventId, long at, Object payload) {
        return new TimingEvent(eventId, sessionId, at, Instant.EPOCH, source, payload);
    }

    static String knownTypes() {
        Set<String> names = new LinkedHashSet<>();
        Arrays.stream(TimingType.values()).map(Enum::name).forEach(names::add);
        Arrays.stream(RaceControlType.values()).map(Enum::name).forEach(names::add);
        return String.join(", ", names);
    }

    private static JsonNode present(JsonNode node) {
        return node == null || node.isNull() ? null : node;
    }

    /** Reads fields of one event object, noting every problem. */
    private static final class Fields {
        private final int index;
        private final JsonNode node;
        private final String prefix;
        private final List<EventProblem> problems;

        Fields(int index, JsonNode node) {
            this(index, node, "", new ArrayList<>());
        }

        private Fields(int index, JsonNode node, String prefix, List<EventProblem> problems) {
            this.index = index;
            this.node = node;
            this.prefix = prefix;
            this.problems = problems;
        }

        Fields nested(JsonNode child, String childPrefix) {
            return new Fields(index, child, prefix + childPrefix, problems);
        }

        boolean ok() {
            return problems.isEmpty();
        }

        Item failed() {
            return new Item(index, node, null, List.copyOf(problems));
        }

        void problem(String field, String reason) {
            problems.add(EventProblem.of(index, field == null ? null : prefix + field, reason));
        }

        String requiredText(String field) {
            JsonNode value = present(node.get(field));
            if (value == null || (value.isTextual() && value.textValue().isBlank())) {
                problem(field, "missing");
                return null;
            }
            if (!value.isTextual()) {
                problem(field, "must be a string, not " + value);
                return null;
            }
            return value.textValue().strip();
        }

        String optionalText(String field) {
            JsonNode value = present(node.get(field));
            if (value == null || (value.isTextual() && value.textValue().isBlank())) {
                return null;
            }
            if (!value.isTextual()) {
                problem(field, "must be a string, not " + value);
                return null;
            }
            return value.textValue().strip();
        }

        /** Race numbers are strings: "7" and "007" are different cars. */
        String car() {
            JsonNode value = present(node.get("car"));
            if (value != null && value.isNumber()) {
                problem("car", "must be a string (race numbers keep leading zeros: \"007\"), not " + value);
                return null;
            }
            return requiredText("car");
        }

        Integer requiredInt(String field) {
            if (present(node.get(field)) == null) {
                problem(field, "missing");
                return null;
            }
            return optionalInt(field);
        }

        Integer optionalInt(String field) {
            JsonNode value = present(node.get(field));
            if (value == null) {
                return null;
            }
            if (!value.isIntegralNumber() || !value.canConvertToInt()) {
                problem(field, "must be a whole number, not " + value);
                return null;
            }
            return value.intValue();
        }

        Double optionalDouble(String field) {
            JsonNode value = present(node.get(field));
            if (value == null) {
                return null;
            }
            if (!value.isNumber()) {
                problem(field, "must be a number, not " + value);
                return null;
            }
            return value.doubleValue();
        }

        Boolean optionalBoolean(String field) {
            JsonNode value = present(node.get(field));
            if (value == null) {
                return null;
            }
            if (!value.isBoolean()) {
                problem(field, "must be true or false, not " + value);
                return null;
            }
            return value.booleanValue();
        }

        Long requiredTime(String field) {
            if (present(node.get(field)) == null) {
                problem(field, "missing");
                return null;
            }
            return optionalTime(field, null);
        }

        Long optionalTime(String field, Long absent) {
            JsonNode value = present(node.get(field));
            if (value == null) {
                return absent;
            }
            return time(field, value);
        }

        private Long time(String field, JsonNode value) {
            if (!value.isTextual()) {
                problem(field, "must be a time text like \"1:02:03.400\", not " + value);
                return null;
            }
            try {
                long ms = RaceTime.parse(value.textValue());
                if (ms < 0) {
                    problem(field, "'" + value.textValue() + "' is negative");
                    return null;
                }
                return ms;
            } catch (IllegalArgumentException e) {
                problem(field, "'" + value.textValue() + "' is not a time (H:MM:SS.mmm, M:SS.mmm or S.mmm)");
                return null;
            }
        }

        /** An array of times, null where a time is missing (a sector the loop did not see). */
        List<Long> optionalTimes(String field) {
            JsonNode value = present(node.get(field));
            if (value == null) {
                return List.of();
            }
            if (!value.isArray()) {
                problem(field, "must be an array of times (null where missing), not " + value);
                return null;
            }
            List<Long> times = new ArrayList<>(value.size());
            for (int i = 0; i < value.size(); i++) {
                JsonNode item = value.get(i);
                times.add(item.isNull() ? null : time(field + "[" + i + "]", item));
            }
            return times;
        }

        List<String> optionalTexts(String field) {
            JsonNode value = present(node.get(field));
            if (value == null) {
                return null;
            }
            if (!value.isArray()) {
                problem(field, "must be an array of strings, not " + value);
                return null;
            }
            List<String> texts = new ArrayList<>(value.size());
            for (int i = 0; i < value.size(); i++) {
                JsonNode item = value.get(i);
                if (!item.isTextual() || item.textValue().isBlank()) {
                    problem(field + "[" + i + "]", "must be a non-empty string, not " + item);
                } else {
                    texts.add(item.textValue().strip());
                }
            }
            return texts;
        }

        Instant optionalInstant(String field) {
            String text = optionalText(field);
            if (text == null) {
                return null;
            }
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException e) {
                problem(field, "'" + text + "' is not an ISO-8601 instant like \"2023-06-10T14:00:00Z\"");
                return null;
            }
        }
    }
}
