package org.racetiming.ingest.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;
import org.racetiming.event.TimingEvent;
import org.racetiming.ingest.IngestMetrics;
import org.racetiming.ingest.feed.RejectedRecord;
import org.racetiming.ingest.publish.EventPublisher;
import org.racetiming.ingest.validation.EventValidator;
import org.racetiming.ingest.validation.Verdict;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happens to the events of one HTTP request: each is parsed, checked and published on its
 * own, so that the valid events of a batch are never lost because of a bad one (partial
 * acceptance). Every bad event goes to {@code timing-events-rejected} with its reason and source
 * {@code http:<request id>}, and is listed in the answer.
 *
 * <p>An event whose id was accepted before, with the same content, is a duplicate: counted, not
 * published again (a client may safely retry a request). The same id with other content is
 * rejected: the first event wins.
 *
 * <p>Per session this remembers what was accepted (for duplicates, and in the shared
 * {@link EventValidator} for the entry list and each car's progress). A session this process has
 * not seen yet is first read back from {@code timing-events} (the {@code history}), so that a
 * restart forgets nothing; if Kafka fails to acknowledge a request's events, the session is
 * forgotten and read back again on its next request, so that a retry is judged against what really
 * is on the topic.
 *
 * <p>Requests of one session are handled one at a time up to the send (so the topic has the order
 * the validator saw); the wait for the acknowledgements is outside that lock.
 */
public final class HttpIntake {

    private static final Logger LOG = LoggerFactory.getLogger(HttpIntake.class);
    static final int MAX_RAW_CHARS = 64 * 1024;

    /** The answer to a request: its HTTP status and the body to send as JSON. */
    public record Outcome(int status, IngestAnswer answer) {
    }

    private final EventPublisher publisher;
    private final EventValidator validator;
    private final Function<String, List<TimingEvent>> history;
    private final IngestMetrics metrics;
    private final Duration ackTimeout;
    private final IdleSessions<SessionMemory> sessions;
    /** A session not posted to for this long leaves memory (and is read back from the topic if it comes back). */
    public static final Duration DEFAULT_IDLE_AFTER = Duration.ofMinutes(30);

    /**
     * @param history the events already on {@code timing-events} for a session id (e.g. a
     *                {@link org.racetiming.ingest.replay.SessionEventsReader}); {@code id -> List.of()} to
     *                start every session from scratch
     */
    public HttpIntake(EventPublisher publisher, EventValidator validator, Function<String, List<TimingEvent>> history,
                      IngestMetrics metrics, Duration ackTimeout) {
        this(publisher, validator, history, metrics, ackTimeout, DEFAULT_IDLE_AFTER, System::nanoTime);
    }

    HttpIntake(EventPublisher publisher, EventValidator validator, Function<String, List<TimingEvent>> history,
               IngestMetrics metrics, Duration ackTimeout, Duration idleAfter, LongSupplier nanoClock) {
        // The validator's per-session state (entry list, each car's progress) goes with the session's.
        this.sessions = new IdleSessions<>(idleAfter, nanoClock, SessionMemory::new, validator::forget);
        this.publisher = Objects.requireNonNull(publisher, "publisher");
        this.validator = Objects.requireNonNull(validator, "validator");
        this.history = Objects.requireNonNull(history, "history");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.ackTimeout = Objects.requireNonNull(ackTimeout, "ackTimeout");
    }

    /** Handles one request's body for a session. */
    public Outcome ingest(String sessionId, byte[] body, String requestId) {
        String source = "http:" + requestId;
        Instant receivedAt = Instant.now();
        List<JsonNode> nodes;
        try {
            nodes = HttpEventParser.events(body);
        } catch (HttpEventParser.NotJsonException e) {
            EventProblem problem = e.problem();
            String raw = rawText(body);
            RejectedRecord record = new RejectedRecord(source, problem.reason() + " (line " + problem.line() + ", column "
                    + problem.column() + ")", raw);
            metrics.rejected(IngestMetrics.STAGE_PARSE, 1);
            return answerAfterAcks(sessionId, List.of(publisher.sendRejected(sessionId, record)),
                    new IngestAnswer(requestId, 0, 0, 1, List.of(problem)), 0, 1, 0);
        }
        if (nodes.isEmpty()) {
            return new Outcome(400, new IngestAnswer(requestId, 0, 0, 0, List.of(EventProblem.ofBody("no events: the array is empty"))));
        }
        HttpEventParser parser = new HttpEventParser(sessionId, source, receivedAt);
        List<HttpEventParser.Item> items = new ArrayList<>(nodes.size());
        for (int i = 0; i < nodes.size(); i++) {
            items.add(parser.read(i, nodes.get(i)));
        }

        List<EventProblem> problems = new ArrayList<>();
        List<CompletableFuture<?>> acks = new ArrayList<>();
        int accepted = 0;
        int duplicates = 0;
        int parseRejected = 0;
        int ruleRejected = 0;
        SessionMemory memory = sessions.acquire(sessionId);
        synchronized (memory) {
            while (sessions.evicted(sessionId, memory)) {
                memory = sessions.acquire(sessionId); // evicted just now as idle: a fresh state, learned below
            }
        }
        synchronized (memory) {
            if (!memory.learned) {
                try {
                    learn(sessionId, memory);
                } catch (RuntimeException e) {
                    LOG.warn("cannot read session {} back from timing-events", sessionId, e);
                    forget(sessionId);
                    return new Outcome(503, new IngestAnswer(requestId, 0, 0, 0, List.of(EventProblem.ofBody(
                            "cannot read the session's events back from Kafka (" + e.getMessage() + "): retry the request"))));
                }
            }
            for (HttpEventParser.Item item : items) {
                if (!item.ok()) {
                    problems.addAll(item.problems());
                    acks.add(reject(sessionId, source, item, item.problems()));
                    parseRejected++;
                    continue;
                }
                TimingEvent event = item.event();
                Integer earlier = memory.fingerprints.get(event.getEventId());
                if (earlier != null) {
                    if (earlier == fingerprint(event)) {
                        duplicates++;
                        continue;
                    }
                    EventProblem conflict = EventProblem.of(item.index(), "eventId", "event id " + event.getEventId()
                            + " was already accepted with other content: the first one stands");
                    problems.add(conflict);
                    acks.add(reject(sessionId, source, item, List.of(conflict)));
                    ruleRejected++;
                    continue;
                }
                Verdict verdict = validator.accept(event);
                if (verdict.rejected()) {
                    EventProblem problem = EventProblem.of(item.index(), null, verdict.reason());
                    problems.add(problem);
                    acks.add(reject(sessionId, source, item, List.of(problem)));
                    ruleRejected++;
                    continue;
                }
                memory.fingerprints.put(event.getEventId(), fingerprint(event));
                acks.add(publisher.send(event));
                accepted++;
            }
        }
        metrics.rejected(IngestMetrics.STAGE_PARSE, parseRejected);
        metrics.rejected(IngestMetrics.STAGE_VALIDATE, ruleRejected);
        metrics.duplicates(duplicates);
        IngestAnswer answer = new IngestAnswer(requestId, accepted, duplicates, parseRejected + ruleRejected, problems);
        return answerAfterAcks(sessionId, acks, answer, accepted, parseRejected + ruleRejected, duplicates);
    }

    /**
     * The body as text for timing-events-rejected, cut to {@value #MAX_RAW_CHARS} characters: a whole
     * maximum-size body would not fit in a Kafka record and would turn a 400 into a 503.
     */
    static String rawText(byte[] body) {
        return cut(new String(body, StandardCharsets.UTF_8));
    }

    private static String cut(String raw) {
        return raw.length() <= MAX_RAW_CHARS ? raw : raw.substring(0, MAX_RAW_CHARS) + "... (cut; it had " + raw.length() + " characters)";
    }

    /** Sessions this process keeps state for. */
    public int sessionsKnown() {
        return sessions.size();
    }

    private Outcome answerAfterAcks(String sessionId, List<CompletableFuture<?>> acks, IngestAnswer answer, int accepted,
                                    int rejected, int duplicates) {
        try {
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get(ackTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            String cause = e instanceof TimeoutException ? "no acknowledgement within " + ackTimeout.toSeconds() + " s"
                    : String.valueOf(e.getCause() == null ? e : e.getCause().getMessage());
            forget(sessionId);
            metrics.publishFailures(accepted + rejected);
            LOG.warn("Kafka did not take the events of request {} for session {}: {}", answer.requestId(), sessionId, cause);
            return new Outcome(503, new IngestAnswer(answer.requestId(), 0, 0, 0, List.of(EventProblem.ofBody(
                    "Kafka did not acknowledge the events (" + cause + "): retry the request; events that did arrive are "
                            + "recognised as duplicates"))));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            forget(sessionId);
            return new Outcome(503, new IngestAnswer(answer.requestId(), 0, 0, 0,
                    List.of(EventProblem.ofBody("the service is stopping: retry the request"))));
        }
        metrics.accepted(accepted);
        return new Outcome(answer.errors().isEmpty() ? 202 : 400, answer);
    }

    private CompletableFuture<?> reject(String sessionId, String source, HttpEventParser.Item item, List<EventProblem> problems) {
        String reason = "event " + item.index() + ": " + problems.stream().map(EventProblem::describe).collect(Collectors.joining("; "));
        return publisher.sendRejected(sessionId, new RejectedRecord(source, reason, item.raw() == null ? "" : cut(item.raw().toString())));
    }

    /** Reads what the topic holds for the session into the validator and the duplicate check. */
    private void learn(String sessionId, SessionMemory memory) {
        long started = System.nanoTime();
        List<TimingEvent> recorded = history.apply(sessionId);
        for (TimingEvent event : recorded) {
            validator.accept(event);
            memory.fingerprints.putIfAbsent(event.getEventId(), fingerprint(event));
        }
        memory.learned = true;
        if (!recorded.isEmpty()) {
            metrics.sessionLearned();
            LOG.info("session {}: {} events read back from timing-events in {} ms", sessionId, recorded.size(),
                    (System.nanoTime() - started) / 1_000_000);
        }
    }

    private void forget(String sessionId) {
        SessionMemory memory = sessions.peek(sessionId);
        if (memory == null) {
            return;
        }
        synchronized (memory) {
            memory.fingerprints.clear();
            memory.learned = false;
            validator.forget(sessionId);
        }
    }

    /**
     * Same session time and payload: the same event. Wall clock and source are left out, as a retry
     * gets new ones.
     */
    private static int fingerprint(TimingEvent event) {
        return Objects.hash(event.getSessionTimeMs(), event.getPayload());
    }

    /** What the intake knows of one session. Guarded by its own monitor. */
    private static final class SessionMemory {
        private final Map<String, Integer> fingerprints = new HashMap<>();
        private boolean learned;
    }
}
