package org.racetiming.ingest.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The JSON answer to a POST of events: what became of every event of the request.
 *
 * @param requestId  the request's id, also the {@code source} of its events ({@code http:<request id>})
 * @param accepted   events published
 * @param duplicates events already accepted before with the same id and content: not published again
 * @param rejected   events sent to timing-events-rejected
 * @param errors     every problem, when there is one (then the status is 400)
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record IngestAnswer(String requestId, int accepted, int duplicates, int rejected, List<EventProblem> errors) {

    public IngestAnswer {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }
}
