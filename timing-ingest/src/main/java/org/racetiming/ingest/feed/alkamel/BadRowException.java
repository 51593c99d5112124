package org.racetiming.ingest.feed.alkamel;

/** A row that cannot be used; the message is the reason shown to people. */
final class BadRowException extends RuntimeException {

    BadRowException(String reason) {
        // No stack trace: this is an expected outcome, not a bug, and a bad file may have many.
        super(reason, null, false, false);
    }
}
