package org.racetiming.ingest.feed.recorded;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.racetiming.event.TimingEvent;
import org.racetiming.ingest.feed.FeedOptions;
import org.racetiming.ingest.feed.FeedResult;
import org.racetiming.ingest.feed.JsonLines;
import org.racetiming.ingest.feed.RejectedRecord;
import org.racetiming.ingest.http.EventProblem;
import org.racetiming.ingest.http.HttpEventParser;
import org.racetiming.ingest.validation.EventValidator;
import org.racetiming.ingest.validation.Verdict;

/**
 * A recorded live feed: JSON Lines of events in the HTTP ingest API's format (README, "HTTP API"),
 * one event a line, in the order they were received (DOMAIN.md, "Race-control events"). Each line
 * is read by the API's own {@link HttpEventParser} (same fields, same default event ids) and
 * checked by the shared {@link EventValidator}; a bad line becomes a {@link RejectedRecord} with its
 * line number and reason.
 *
 * <p>The events stay in file order: a recorded live feed is replayed as it arrived, late and
 * out-of-order events included, never sorted. A line repeating an earlier event (same id, same
 * session time and payload) is kept, as a live feed repeats events: the publisher sends an id once
 * and counts the repeat as a duplicate, as the API answers it. The same id with other content is
 * rejected: the first one stands, as in the API.
 *
 * <p>An event without a {@code wallClock} gets the session start plus its session time.
 */
public final class RecordedFeedReader {

    /** How a recorded feed's file is told from an Al Kamel CSV. */
    public static final String EXTENSION = ".jsonl";

    private RecordedFeedReader() {
    }

    public static boolean isRecordedFeed(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(EXTENSION);
    }

    public static FeedResult read(Path jsonl, FeedOptions options) {
        try (Reader reader = new InputStreamReader(Files.newInputStream(jsonl), StandardCharsets.UTF_8)) {
            return read(reader, jsonl.getFileName().toString(), options);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + jsonl, e);
        }
    }

    /** Reads JSON Lines; {@code sourceName} names the input in sources ("feed.jsonl:3"). */
    public static FeedResult read(Reader reader, String sourceName, FeedOptions options) {
        HttpEventParser parser = new HttpEventParser(options.sessionId(), sourceName, options::wallClockAt);
        EventValidator validator = new EventValidator();
        Map<String, FirstSeen> firstById = new HashMap<>();
        List<TimingEvent> events = new ArrayList<>();
        List<RejectedRecord> rejected = new ArrayList<>();
        JsonLines.read(reader, sourceName, (number, line, source) -> {
            String reason = read(parser, validator, firstById, line, number, source, events);
            if (reason != null) {
                rejected.add(new RejectedRecord(source, reason, line));
            }
        });
        return new FeedResult(events, rejected);
    }

    /** Adds the line's event to {@code events}, or says why not. */
    private static String read(HttpEventParser parser, EventValidator validator, Map<String, FirstSeen> firstById, String line,
                               int number, String source, List<TimingEvent> events) {
        JsonNode node;
        try {
            node = HttpEventParser.line(line);
        } catch (HttpEventParser.NotJsonException e) {
            EventProblem problem = e.problem();
            return problem.reason() + " (column " + problem.column() + ")";
        }
        HttpEventParser.Item item = parser.read(number, node, source);
        if (!item.ok()) {
            return item.problems().stream().map(EventProblem::describe).collect(Collectors.joining("; "));
        }
        TimingEvent event = item.event();
        FirstSeen first = firstById.get(event.getEventId());
        if (first != null) {
            if (!first.sameAs(event)) {
                return "event id " + event.getEventId() + " was already given with other content on line " + first.line()
                        + ": the first one stands";
            }
            events.add(event);
            return null;
        }
        Verdict verdict = validator.accept(event);
        if (verdict.rejected()) {
            return verdict.reason();
        }
        firstById.put(event.getEventId(), new FirstSeen(event, number));
        events.add(event);
        return null;
    }

    /**
     * The first event with an id. A repeat is the same event when its session time and payload are:
     * wall clock and source differ for a re-sent event.
     */
    private record FirstSeen(TimingEvent event, int line) {
        boolean sameAs(TimingEvent other) {
            return event.getSessionTimeMs() == other.getSessionTimeMs() && Objects.equals(event.getPayload(), other.getPayload());
        }
    }
}
