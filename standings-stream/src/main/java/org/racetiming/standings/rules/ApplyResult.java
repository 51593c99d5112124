package org.racetiming.standings.rules;

/**
 * What {@link RaceSession#apply} did with one event: applied, or rejected with a reason a person can act on
 * (the topology puts it in the rejected topic's headers).
 */
public record ApplyResult(boolean applied, String reason) {

    private static final ApplyResult OK = new ApplyResult(true, null);

    public static ApplyResult ok() {
        return OK;
    }

    public static ApplyResult rejected(String reason) {
        return new ApplyResult(false, reason);
    }
}
