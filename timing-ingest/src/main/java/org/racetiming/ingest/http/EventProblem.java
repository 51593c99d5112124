package org.racetiming.ingest.http;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One thing wrong with a request, as the 400 answer lists it.
 *
 * @param index  position of the event in the batch (0 for a single event); absent for the body as a whole
 * @param field  the JSON field at fault; absent when the event as a whole breaks a rule (duplicate,
 *               unknown car, lap going backwards...)
 * @param reason what is wrong, in words a person understands
 * @param line   for a body that is not JSON: where the parser stopped
 * @param column for a body that is not JSON: where the parser stopped
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EventProblem(Integer index, String field, String reason, Integer line, Integer column) {

    static EventProblem of(int index, String field, String reason) {
        return new EventProblem(index, field, reason, null, null);
    }

    static EventProblem ofBody(String reason) {
        return new EventProblem(null, null, reason, null, null);
    }

    static EventProblem notJson(String reason, int line, int column) {
        return new EventProblem(null, null, reason, line, column);
    }

    /** "lap: must be a whole number", or the reason alone. */
    public String describe() {
        return field == null ? reason : field + ": " + reason;
    }
}
