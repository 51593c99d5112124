package org.racetiming.ingest.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;
import org.racetiming.ingest.IngestMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP ingest API: {@code POST /sessions/{sessionId}/events} (one JSON event or an array),
 * {@code GET /health} and {@code GET /metrics} (Prometheus text format). Posting needs
 * {@code Authorization: Bearer <token>} unless the settings run it open. Checks, in this order:
 * the token (401 without a well-formed one, 403 with a wrong one), the session id, the body size
 * (413 above the limit, before reading it), then the events ({@link HttpIntake}: 202 or 400).
 */
public final class IngestHttpServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(IngestHttpServer.class);
    private static final String JSON_TYPE = "application/json";
    private static final String PROMETHEUS_TYPE = "text/plain; version=0.0.4; charset=utf-8";
    private static final String REQUEST_ID_HEADER = "X-Request-Id";
    /** Session ids become Kafka keys and parts of output keys ("sessionId/car"): no '/', nothing exotic. */
    private static final Pattern SESSION_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");
    private static final Pattern CLIENT_REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private final Javalin app;

    private IngestHttpServer(Javalin app) {
        this.app = app;
    }

    /** Starts listening; the settings must be valid (a token, or open). */
    public static IngestHttpServer start(HttpIngestSettings settings, HttpIntake intake, PrometheusMeterRegistry prometheus,
                                         IngestMetrics metrics) {
        Objects.requireNonNull(settings, "settings");
        BearerAuth auth = new BearerAuth(settings.token());
        Javalin app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.startupWatcherEnabled = false;
        });
        app.get("/health", ctx -> ctx.status(200).contentType(JSON_TYPE).result("{\"status\":\"UP\"}"));
        app.get("/metrics", ctx -> ctx.status(200).contentType(PROMETHEUS_TYPE).result(prometheus.scrape()));
        app.post("/sessions/{sessionId}/events", ctx -> {
            long started = System.nanoTime();
            int status = postEvents(ctx, settings, auth, intake);
            metrics.request(status, Duration.ofNanos(System.nanoTime() - started));
        });
        app.exception(Exception.class, (e, ctx) -> {
            LOG.error("request {} {} failed", ctx.method(), ctx.path(), e);
            answer(ctx, 500, new IngestAnswer(null, 0, 0, 0, List.of(EventProblem.ofBody("internal error: " + e.getMessage()))));
        });
        if (settings.host() == null) {
            app.start(settings.port());
        } else {
            app.start(settings.host(), settings.port());
        }
        LOG.info("HTTP ingest API listening on port {} ({})", app.port(), settings);
        if (!settings.authenticated()) {
            LOG.warn("HTTP ingest API is OPEN: anyone who can reach port {} can post events. For local use only.", app.port());
        }
        return new IngestHttpServer(app);
    }

    private static int postEvents(Context ctx, HttpIngestSettings settings, BearerAuth auth, HttpIntake intake) throws IOException {
        String requestId = requestId(ctx.header(REQUEST_ID_HEADER));
        ctx.header(REQUEST_ID_HEADER, requestId);
        switch (auth.check(ctx.header("Authorization"))) {
            case UNAUTHENTICATED -> {
                ctx.header("WWW-Authenticate", "Bearer realm=\"timing-ingest\"");
                return answer(ctx, 401, problem(requestId, "missing or malformed Authorization header: expected 'Bearer <token>'"));
            }
            case FORBIDDEN -> {
                return answer(ctx, 403, problem(requestId, "the bearer token is not valid"));
            }
            case ALLOWED -> {
                // go on
            }
        }
        String sessionId = ctx.pathParam("sessionId");
        if (!SESSION_ID.matcher(sessionId).matches()) {
            return answer(ctx, 400, new IngestAnswer(requestId, 0, 0, 0, List.of(new EventProblem(null, "sessionId",
                    "'" + sessionId + "' is not a session id: 1 to 128 letters, digits, '.', '_', ':' or '-'", null, null))));
        }
        long declared = ctx.req().getContentLengthLong();
        if (declared > settings.maxBodyBytes()) {
            return tooLarge(ctx, requestId, settings.maxBodyBytes());
        }
        byte[] body = readAtMost(ctx.req().getInputStream(), settings.maxBodyBytes());
        if (body == null) {
            return tooLarge(ctx, requestId, settings.maxBodyBytes());
        }
        HttpIntake.Outcome outcome = intake.ingest(sessionId, body, requestId);
        return answer(ctx, outcome.status(), outcome.answer());
    }

    private static int tooLarge(Context ctx, String requestId, long limit) {
        // The rest of the body is not read: the connection is closed after the answer.
        ctx.header("Connection", "close");
        return answer(ctx, 413, problem(requestId, "the body is larger than " + limit + " bytes: send smaller batches"));
    }

    /** The body, or null if it is longer than {@code limit} (chunked bodies have no declared length). */
    private static byte[] readAtMost(InputStream in, long limit) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[16 * 1024];
        long total = 0;
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            total += n;
            if (total > limit) {
                return null;
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    private static String requestId(String fromClient) {
        return fromClient != null && CLIENT_REQUEST_ID.matcher(fromClient).matches() ? fromClient : UUID.randomUUID().toString();
    }

    private static IngestAnswer problem(String requestId, String reason) {
        return new IngestAnswer(requestId, 0, 0, 0, List.of(EventProblem.ofBody(reason)));
    }

    private static int answer(Context ctx, int status, IngestAnswer answer) {
        try {
            ctx.status(status).contentType(JSON_TYPE).result(HttpEventParser.JSON.writeValueAsString(answer));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write an answer as JSON", e);
        }
        return status;
    }

    public int port() {
        return app.port();
    }

    /** Stops accepting requests; requests being handled are finished first. */
    @Override
    public void close() {
        app.stop();
    }
}
