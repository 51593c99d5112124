package org.racetiming.ingest.feed;

/**
 * The input as a whole is not of the expected format (e.g. a CSV without the columns an Al Kamel
 * analysis file must have). Single bad records never raise this: they become {@link RejectedRecord}s.
 */
public class FeedFormatException extends RuntimeException {

    public FeedFormatException(String message) {
        super(message);
    }
}
