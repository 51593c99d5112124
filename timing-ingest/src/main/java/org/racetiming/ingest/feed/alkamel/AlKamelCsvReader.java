package org.racetiming.ingest.feed.alkamel;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.racetiming.event.SessionStarted;
import org.racetiming.event.TimingEvent;
import org.racetiming.event.TrackStatusChanged;
import org.racetiming.ingest.feed.EventEnvelope;
import org.racetiming.ingest.feed.EventIds;
import org.racetiming.ingest.feed.FeedFormatException;
import org.racetiming.ingest.feed.FeedOptions;
import org.racetiming.ingest.feed.FeedResult;
import org.racetiming.ingest.feed.RejectedRecord;
import org.racetiming.ingest.feed.SessionTimeline;
import org.racetiming.ingest.validation.EventValidator;
import org.racetiming.ingest.validation.Verdict;

/**
 * Reads an Al Kamel analysis CSV (one row per completed lap; see DOMAIN.md) into the session's
 * events: a {@code SessionStarted} with the entry list of the whole file, then per row the S1/S2
 * crossings, the lap, pit in/out and driver changes, and track status from FLAG_AT_FL, all in
 * session-time order.
 *
 * <p>A bad row never stops the file nor costs another row: it becomes a {@link RejectedRecord}
 * naming the line and what is wrong. Only a file that is not an analysis file at all (no header
 * with NUMBER, LAP_NUMBER and ELAPSED) raises {@link FeedFormatException}.
 */
public final class AlKamelCsvReader {

    /** The sector lines of an analysis file, between two finish-line crossings. */
    public static final List<String> INTERMEDIATE_POINTS = List.of("S1", "S2");

    // No quote character: Al Kamel does not quote, and a stray '"' must not swallow the lines after
    // it. Empty lines kept as records so that record numbers are line numbers.
    private static final CSVFormat FORMAT = CSVFormat.Builder.create()
            .setDelimiter(';')
            .setQuote(null)
            .setIgnoreEmptyLines(false)
            .get();

    private AlKamelCsvReader() {
    }

    /** Reads a file (UTF-8, with or without byte-order mark); sources are named after the file name. */
    public static FeedResult read(Path csv, FeedOptions options) {
        // InputStreamReader replaces undecodable bytes instead of failing: a garbage line is rejected
        // like any other bad row rather than aborting the file.
        try (Reader reader = new InputStreamReader(Files.newInputStream(csv), StandardCharsets.UTF_8)) {
            return read(reader, csv.getFileName().toString(), options);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + csv, e);
        }
    }

    /** Reads CSV text; {@code sourceName} names the input in sources ("analysis.csv:123"). */
    public static FeedResult read(Reader reader, String sourceName, FeedOptions options) {
        List<Numbered<RejectedRecord>> rejected = new ArrayList<>();
        List<AlKamelLap> rows = seatsFromOne(parseRows(reader, sourceName, rejected));

        EntryListBuilder entryList = new EntryListBuilder();
        rows.forEach(entryList::add);
        SessionStarted start = new SessionStarted(options.sessionName(), options.sessionType(), options.scheduledDurationMs(),
                INTERMEDIATE_POINTS, entryList.build(), List.of());
        TimingEvent startEvent = EventEnvelope.wrap(options, EventIds.sessionStarted(), 0, sourceName, start);

        EventValidator validator = new EventValidator();
        Verdict startVerdict = validator.accept(startEvent);
        if (startVerdict.rejected()) {
            throw new FeedFormatException(sourceName + ": cannot start the session: " + startVerdict.reason());
        }
        List<TimingEvent> events = new ArrayList<>(rows.size() * 4 + 64);
        events.add(startEvent);

        LapEventBuilder lapEvents = new LapEventBuilder(options);
        CarRowSequence sequence = new CarRowSequence();
        List<AlKamelLap> accepted = new ArrayList<>(rows.size());
        for (AlKamelLap row : rows) {
            List<TimingEvent> rowEvents = lapEvents.eventsOf(row);
            Verdict verdict = validator.check(rowEvents);
            String reason = verdict.rejected() ? verdict.reason() : sequence.problem(rowEvents);
            if (reason != null) {
                rejected.add(new Numbered<>(row.line(), new RejectedRecord(row.source(), reason, row.raw())));
                continue;
            }
            validator.acceptAll(rowEvents);
            sequence.accept(rowEvents);
            lapEvents.accepted(row);
            accepted.add(row);
            events.addAll(rowEvents);
        }

        for (FlagTransitions.Transition transition : FlagTransitions.of(accepted)) {
            AlKamelLap row = transition.at();
            TimingEvent event = EventEnvelope.wrap(options, EventIds.trackStatus(row.elapsedMs(), transition.status()),
                    row.elapsedMs(), row.source(), new TrackStatusChanged(transition.status(), null, true));
            Verdict verdict = validator.accept(event);
            if (verdict.rejected()) {
                rejected.add(new Numbered<>(row.line(), new RejectedRecord(row.source(), "FLAG_AT_FL: " + verdict.reason(), row.raw())));
            } else {
                events.add(event);
            }
        }

        rejected.sort(Comparator.comparingInt(Numbered::line));
        return new FeedResult(SessionTimeline.sort(events), rejected.stream().map(Numbered::value).toList());
    }

    private static List<AlKamelLap> parseRows(Reader reader, String sourceName, List<Numbered<RejectedRecord>> rejected) {
        try (CSVParser parser = CSVParser.parse(new BufferedReader(reader, 1 << 16), FORMAT)) {
            Iterator<CSVRecord> records = parser.iterator();
            if (!records.hasNext()) {
                throw new FeedFormatException(sourceName + ": empty file, no Al Kamel analysis header");
            }
            AlKamelRowParser rowParser = new AlKamelRowParser(AlKamelHeader.of(records.next(), sourceName + ":1"), sourceName);
            List<AlKamelLap> rows = new ArrayList<>();
            while (records.hasNext()) {
                CSVRecord record = records.next();
                if (record.size() == 1 && record.get(0).isBlank()) {
                    continue; // a blank line is not a record
                }
                int line = (int) record.getRecordNumber();
                String raw = String.join(";", record.toList());
                try {
                    rows.add(rowParser.parse(record, line, raw));
                } catch (BadRowException e) {
                    rejected.add(new Numbered<>(line, new RejectedRecord(sourceName + ":" + line, e.getMessage(), raw)));
                }
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + sourceName, e);
        }
    }

    /**
     * Older files (2016) count DRIVER_NUMBER from 0, newer ones from 1; the event model counts seats
     * from 1. A file with a seat 0 is taken to count from 0 and shifted as a whole.
     */
    private static List<AlKamelLap> seatsFromOne(List<AlKamelLap> rows) {
        boolean fromZero = rows.stream().anyMatch(row -> row.driverSeat() != null && row.driverSeat() == 0);
        return fromZero ? rows.stream().map(AlKamelLap::withSeatFromOne).toList() : rows;
    }

    private record Numbered<T>(int line, T value) {
    }
}
