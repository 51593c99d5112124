package org.racetiming.ingest.feed;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;

/**
 * A JSON Lines input read line by line, as every JSON Lines adapter reads it: numbered from 1 (the number goes into
 * the source of what a line becomes, "file.jsonl:12"), a byte-order mark on the first line dropped, blank lines
 * skipped.
 */
public final class JsonLines {

    /** What to do with one line. */
    @FunctionalInterface
    public interface LineHandler {
        void line(int number, String line, String source);
    }

    private JsonLines() {
    }

    /** Hands each non-blank line to {@code handler}; {@code sourceName} names the input ("race-control.jsonl"). */
    public static void read(Reader reader, String sourceName, LineHandler handler) {
        try (BufferedReader lines = new BufferedReader(reader)) {
            int number = 0;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                number++;
                if (number == 1 && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                if (!line.isBlank()) {
                    handler.line(number, line, sourceName + ":" + number);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + sourceName, e);
        }
    }
}
