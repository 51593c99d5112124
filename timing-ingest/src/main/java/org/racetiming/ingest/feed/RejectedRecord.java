package org.racetiming.ingest.feed;

/**
 * An input record that was not turned into events, and why.
 *
 * @param source  where it was, e.g. {@code analysis.csv:123}
 * @param reason  what is wrong, in words a person understands
 * @param rawText the record as it was read
 */
public record RejectedRecord(String source, String reason, String rawText) {

    @Override
    public String toString() {
        return source + ": " + reason;
    }
}
