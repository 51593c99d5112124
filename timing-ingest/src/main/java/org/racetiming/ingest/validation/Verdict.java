package org.racetiming.ingest.validation;

/** The validator's answer: accepted, or rejected with a reason a person understands. */
public record Verdict(String reason) {

    private static final Verdict ACCEPTED = new Verdict(null);

    public static Verdict accept() {
        return ACCEPTED;
    }

    public static Verdict reject(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a rejection needs a reason");
        }
        return new Verdict(reason);
    }

    public boolean accepted() {
        return reason == null;
    }

    public boolean rejected() {
        return reason != null;
    }
}
