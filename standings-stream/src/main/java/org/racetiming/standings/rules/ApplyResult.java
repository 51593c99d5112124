package org.racetiming.standings.rules;

/**
 * What {@link RaceSession#apply} did with one event.
 * <ul>
 *   <li>{@code APPLIED}: it counts (or, before the session's start, waits for it).</li>
 *   <li>{@code IGNORED}: it is valid but changes nothing where it stands in the session: a crossing already
 *       recorded, a car's crossing after its flag, the end of a slow zone that is not active. It stays in the
 *       session's log, because a late event placed before it may change that.</li>
 *   <li>{@code REJECTED}: it breaks a rule as a whole ({@link org.racetiming.validation.EventChecks}), with a reason a
 *       person can act on; the topology puts it on the rejected topic and does not keep it.</li>
 * </ul>
 */
public record ApplyResult(Kind kind, String reason) {

    public enum Kind { APPLIED, IGNORED, REJECTED }

    private static final ApplyResult OK = new ApplyResult(Kind.APPLIED, null);

    public static ApplyResult ok() {
        return OK;
    }

    public static ApplyResult ignored(String reason) {
        return new ApplyResult(Kind.IGNORED, reason);
    }

    public static ApplyResult rejected(String reason) {
        return new ApplyResult(Kind.REJECTED, reason);
    }

    public boolean applied() {
        return kind == Kind.APPLIED;
    }

    public boolean rejected() {
        return kind == Kind.REJECTED;
    }
}
