package org.racetiming.config;

import java.util.Locale;
import java.util.Map;

/**
 * Settings from environment variables, read the same way by every service: a blank value counts as
 * unset, and a number outside its range stops the service with the variable's name in the message.
 */
public final class EnvironmentSettings {

    private final Map<String, String> env;

    public EnvironmentSettings(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    /** The trimmed value, or {@code fallback} when the variable is unset or blank. */
    public String text(String name, String fallback) {
        String value = env.get(name);
        return value == null || value.isBlank() ? fallback : value.strip();
    }

    /** true / yes / 1 or false / no / 0 (any case); false when unset. */
    public boolean flag(String name) {
        String text = text(name, "false").toLowerCase(Locale.ROOT);
        return switch (text) {
            case "true", "yes", "1" -> true;
            case "false", "no", "0" -> false;
            default -> throw new IllegalArgumentException(name + " must be true or false, not '" + text + "'");
        };
    }

    /** A whole number within [min, max], or {@code fallback} when unset. */
    public long number(String name, long fallback, long min, long max) {
        String text = text(name, null);
        if (text == null) {
            return fallback;
        }
        try {
            long number = Long.parseLong(text);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException ignored) {
            // reported below, with the range
        }
        throw new IllegalArgumentException(name + " must be a whole number from " + min + " to " + max + ", not '" + text + "'");
    }
}
