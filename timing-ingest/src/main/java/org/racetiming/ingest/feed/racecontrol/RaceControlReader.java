package org.racetiming.ingest.feed.racecontrol;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.racetiming.event.TimingEvent;
import org.racetiming.ingest.feed.FeedOptions;
import org.racetiming.ingest.feed.FeedResult;
import org.racetiming.ingest.feed.JsonLines;
import org.racetiming.ingest.feed.RejectedRecord;
import org.racetiming.ingest.feed.SessionTimeline;
import org.racetiming.ingest.validation.EventValidator;
import org.racetiming.ingest.validation.Verdict;

/**
 * Reads race-control decisions, one JSON object per line (DOMAIN.md, "Race-control events"), into
 * track status changes, retirements and penalties at session time {@code at}. Blank lines are
 * skipped; every other line becomes an event or a {@link RejectedRecord} with its line number and
 * reason (bad JSON, unknown type, missing or invalid {@code at}, missing car or zone, a penalty of
 * neither laps nor seconds, negative values, a duplicate line).
 *
 * <p>Given an {@link EventValidator} that knows the session (e.g.
 * {@code EventValidator.seededWith(csvResult.events())}), cars outside the entry list are rejected
 * too; without one, any car is accepted.
 */
public final class RaceControlReader {

    private RaceControlReader() {
    }

    public static FeedResult read(Path jsonl, FeedOptions options) {
        return read(jsonl, options, new EventValidator());
    }

    public static FeedResult read(Path jsonl, FeedOptions options, EventValidator validator) {
        try (Reader reader = new InputStreamReader(Files.newInputStream(jsonl), StandardCharsets.UTF_8)) {
            return read(reader, jsonl.getFileName().toString(), options, validator);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + jsonl, e);
        }
    }

    public static FeedResult read(Reader reader, String sourceName, FeedOptions options) {
        return read(reader, sourceName, options, new EventValidator());
    }

    /** Reads JSON Lines; {@code sourceName} names the input in sources ("race-control.jsonl:3"). */
    public static FeedResult read(Reader reader, String sourceName, FeedOptions options, EventValidator validator) {
        RaceControlLineParser parser = new RaceControlLineParser(options);
        List<TimingEvent> events = new ArrayList<>();
        List<RejectedRecord> rejected = new ArrayList<>();
        JsonLines.read(reader, sourceName, (number, line, source) -> {
            try {
                TimingEvent event = parser.parse(line, source);
                Verdict verdict = validator.accept(event);
                if (verdict.rejected()) {
                    rejected.add(new RejectedRecord(source, verdict.reason(), line));
                } else {
                    events.add(event);
                }
            } catch (RaceControlLineParser.BadLineException e) {
                rejected.add(new RejectedRecord(source, e.getMessage(), line));
            }
        });
        return new FeedResult(SessionTimeline.sort(events), rejected);
    }
}
