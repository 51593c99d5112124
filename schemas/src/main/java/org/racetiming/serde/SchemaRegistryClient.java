package org.racetiming.serde;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Small Schema Registry REST client for the Confluent API (Confluent Schema Registry, Apicurio's
 * {@code /apis/ccompat/v7}, Karapace, ...). One {@link HttpClient} per instance, shared by every
 * call; ids and schemas are cached, so a serde asks the registry once per subject and once per
 * writer id. Failures to reach the registry are retried with exponential backoff, a bounded number of
 * times ({@link Settings}). Thread-safe.
 *
 * <p>A user name and password in the URL ({@code https://user:secret@host/}) are sent as HTTP basic
 * authentication, as Confluent Cloud expects.
 */
public final class SchemaRegistryClient implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SchemaRegistryClient.class);
    private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final String ACCEPT =
            "application/vnd.schemaregistry.v1+json, application/vnd.schemaregistry+json, application/json";
    private static final int NO_ERROR_CODE = -1;
    private static final int SUBJECT_NOT_FOUND = 40401;
    private static final int VERSION_NOT_FOUND = 40402;
    private static final int SCHEMA_NOT_FOUND = 40403;
    private static final Set<String> COMPATIBILITY_LEVELS = Set.of("BACKWARD", "BACKWARD_TRANSITIVE", "FORWARD",
            "FORWARD_TRANSITIVE", "FULL", "FULL_TRANSITIVE", "NONE");
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    /**
     * Timeouts and the retry budget.
     *
     * @param connectTimeout  to open a connection
     * @param requestTimeout  for one request, from sending it to the answer's headers
     * @param maxAttempts     tries per call when the registry is unreachable or answers 5xx/408/429
     * @param initialBackoff  wait before the second try; doubled for each further try (at most 5 s)
     */
    public record Settings(Duration connectTimeout, Duration requestTimeout, int maxAttempts, Duration initialBackoff) {
        public Settings {
            Objects.requireNonNull(connectTimeout, "connectTimeout");
            Objects.requireNonNull(requestTimeout, "requestTimeout");
            Objects.requireNonNull(initialBackoff, "initialBackoff");
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
            }
        }

        /** 5 s to connect, 15 s per request, 5 attempts 0.2, 0.4, 0.8, 1.6 s apart (about 3 s of waiting). */
        public static Settings defaults() {
            return new Settings(Duration.ofSeconds(5), Duration.ofSeconds(15), 5, Duration.ofMillis(200));
        }

        public Settings withMaxAttempts(int attempts) {
            return new Settings(connectTimeout, requestTimeout, attempts, initialBackoff);
        }

        public Settings withInitialBackoff(Duration backoff) {
            return new Settings(connectTimeout, requestTimeout, maxAttempts, backoff);
        }

        public Settings withTimeouts(Duration connect, Duration request) {
            return new Settings(connect, request, maxAttempts, initialBackoff);
        }
    }

    private record SubjectSchema(String subject, Schema schema) {
    }

    private record Answer(int status, JsonNode body, String text) {
        boolean ok() {
            return status / 100 == 2;
        }

        int errorCode() {
            return body.path("error_code").asInt(NO_ERROR_CODE);
        }

        /** The registry's own words, for messages. */
        String message() {
            String message = body.path("message").asText("");
            if (!message.isEmpty()) {
                return message;
            }
            String trimmed = text.strip();
            return trimmed.length() > 200 ? trimmed.substring(0, 200) + "..." : trimmed;
        }
    }

    private final String baseUrl;
    private final String authorization;
    private final Settings settings;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();
    private final ConcurrentMap<SubjectSchema, CompletableFuture<Integer>> registrations = new ConcurrentHashMap<>();
    private final ConcurrentMap<Integer, Schema> schemasById = new ConcurrentHashMap<>();
    private final AtomicLong requestsSent = new AtomicLong();
    private volatile boolean closed;

    /** A client with {@link Settings#defaults()}. */
    public SchemaRegistryClient(String baseUrl) {
        this(baseUrl, Settings.defaults());
    }

    /**
     * @param baseUrl the root of the Confluent API, e.g. {@code http://127.0.0.1:8081/apis/ccompat/v7}
     *                (Apicurio) or {@code http://host:8081} (Confluent)
     */
    public SchemaRegistryClient(String baseUrl, Settings settings) {
        Objects.requireNonNull(baseUrl, "baseUrl");
        this.settings = Objects.requireNonNull(settings, "settings");
        URI uri = parseBaseUrl(baseUrl.strip());
        String userInfo = uri.getRawUserInfo();
        this.authorization = userInfo == null ? null : basicAuthorization(uri.getUserInfo());
        String withoutUser = uri.getScheme() + "://" + uri.getRawAuthority().substring(
                userInfo == null ? 0 : userInfo.length() + 1) + (uri.getRawPath() == null ? "" : uri.getRawPath());
        this.baseUrl = withoutUser.endsWith("/") ? withoutUser.substring(0, withoutUser.length() - 1) : withoutUser;
        this.http = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                // HTTP/1.1 as Confluent's own client: no h2c upgrade attempt on every plain-HTTP request.
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    /** The registry's URL without credentials, as used in messages. */
    public String baseUrl() {
        return baseUrl;
    }

    /**
     * Registers a schema under a subject, or finds the id it already has there
     * ({@code POST /subjects/{subject}/versions}). Cached: one request per subject and schema.
     *
     * @return the registry's global id of the schema
     * @throws SchemaRegistryException if the registry refuses the schema (409 incompatible, 422 invalid)
     *                                 or cannot be reached
     */
    public int register(String subject, Schema schema) {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(schema, "schema");
        SubjectSchema key = new SubjectSchema(subject, schema);
        CompletableFuture<Integer> mine = new CompletableFuture<>();
        CompletableFuture<Integer> earlier = registrations.putIfAbsent(key, mine);
        if (earlier != null) {
            return await(earlier);
        }
        // One registration per subject and schema in this process, however many threads ask at once.
        try {
            int id = registerRemotely(subject, schema);
            schemasById.putIfAbsent(id, schema);
            mine.complete(id);
            return id;
        } catch (RuntimeException e) {
            registrations.remove(key, mine);
            mine.completeExceptionally(e);
            throw e;
        }
    }

    /**
     * The id of a schema already registered under a subject ({@code POST /subjects/{subject}}), without
     * registering it; empty if the subject does not have it.
     */
    public OptionalInt lookup(String subject, Schema schema) {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(schema, "schema");
        String path = "/subjects/" + encode(subject);
        Answer answer = exchange("POST", path, json.createObjectNode().put("schema", schema.toString()));
        if (answer.status() == 404 && (answer.errorCode() == SUBJECT_NOT_FOUND || answer.errorCode() == SCHEMA_NOT_FOUND)) {
            return OptionalInt.empty();
        }
        if (!answer.ok()) {
            throw unexpected("POST", path, answer);
        }
        return OptionalInt.of(requiredInt(answer, "id", "POST", path));
    }

    private int registerRemotely(String subject, Schema schema) {
        String path = "/subjects/" + encode(subject) + "/versions";
        Answer answer = exchange("POST", path, json.createObjectNode().put("schema", schema.toString()));
        if (answer.ok()) {
            return requiredInt(answer, "id", "POST", path);
        }
        if (answer.status() == 409) {
            // Apicurio also answers 409 when another process created the subject a moment earlier
            // ("already exists"); then the schema is there and this is no refusal.
            OptionalInt registered = lookup(subject, schema);
            if (registered.isPresent()) {
                return registered.getAsInt();
            }
            throw refused(answer, "Schema registry refused schema for subject " + subject
                    + ": incompatible with an earlier version (409) under the subject's compatibility rule");
        }
        if (answer.status() == 422) {
            throw refused(answer, "Schema registry refused schema for subject " + subject + ": invalid schema (422)");
        }
        throw unexpected("POST", path, answer);
    }

    private static int await(CompletableFuture<Integer> registration) {
        try {
            return registration.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof SchemaRegistryException failed) {
                // A new exception so that this thread's stack shows up too.
                throw new SchemaRegistryException(failed.getMessage(), failed.httpStatus(), failed.errorCode(), failed);
            }
            throw e;
        }
    }

    /**
     * The schema with a global id ({@code GET /schemas/ids/{id}}). Cached: ids never change meaning.
     *
     * @throws SchemaRegistryException 404 (error code 40403) if the registry has no such id
     */
    public Schema schemaById(int id) {
        Schema cached = schemasById.get(id);
        if (cached != null) {
            return cached;
        }
        String path = "/schemas/ids/" + id;
        Answer answer = exchange("GET", path, null);
        // 40403 schema not found; a 404 without it is most likely a wrong base URL.
        if (answer.status() == 404 && answer.errorCode() == SCHEMA_NOT_FOUND) {
            throw refused(answer, "Schema registry at " + baseUrl + " has no schema with id " + id
                    + " (404): was the data written with another registry, or has the registry lost its"
                    + " (in-memory?) storage?");
        }
        if (!answer.ok()) {
            throw unexpected("GET", path, answer);
        }
        String type = answer.body().path("schemaType").asText("AVRO");
        if (!"AVRO".equals(type.toUpperCase(Locale.ROOT))) {
            throw new SchemaRegistryException("Schema id " + id + " at " + baseUrl + " is a " + type
                    + " schema, not Avro", answer.status(), NO_ERROR_CODE);
        }
        Schema schema;
        try {
            // A fresh parser per schema: one parser refuses to redefine names the previous one saw.
            schema = new Schema.Parser().parse(answer.body().path("schema").asText());
        } catch (SchemaParseException e) {
            throw new SchemaRegistryException("Schema id " + id + " at " + baseUrl + " is not a valid Avro schema: "
                    + e.getMessage(), answer.status(), NO_ERROR_CODE, e);
        }
        Schema raced = schemasById.putIfAbsent(id, schema);
        return raced != null ? raced : schema;
    }

    /**
     * Sets the compatibility rule ({@code PUT /config} or {@code PUT /config/{subject}}).
     *
     * @param subject null for the registry's global rule
     * @param level   BACKWARD, BACKWARD_TRANSITIVE, FORWARD, FORWARD_TRANSITIVE, FULL, FULL_TRANSITIVE or NONE
     */
    public void setCompatibility(String subject, String level) {
        Objects.requireNonNull(level, "level");
        String path = subject == null ? "/config" : "/config/" + encode(subject);
        String normalised = level.strip().toUpperCase(Locale.ROOT);
        // Checked here: Apicurio answers an unknown level with a bare 400 "Not able to deserialize".
        if (!COMPATIBILITY_LEVELS.contains(normalised)) {
            throw new IllegalArgumentException("Unknown compatibility level '" + level + "'; one of "
                    + new TreeSet<>(COMPATIBILITY_LEVELS));
        }
        Answer answer = exchange("PUT", path, json.createObjectNode().put("compatibility", normalised));
        if (answer.status() == 422) {
            throw refused(answer, "Schema registry refused compatibility level " + normalised + " (422)");
        }
        if (!answer.ok()) {
            throw unexpected("PUT", path, answer);
        }
    }

    /**
     * Whether a schema could be registered under a subject now
     * ({@code POST /compatibility/subjects/{subject}/versions/latest}). A subject with no version yet
     * accepts any schema: true.
     */
    public boolean testCompatibility(String subject, Schema schema) {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(schema, "schema");
        String path = "/compatibility/subjects/" + encode(subject) + "/versions/latest";
        Answer answer = exchange("POST", path, json.createObjectNode().put("schema", schema.toString()));
        // No subject or no version yet: nothing to be incompatible with.
        if (answer.status() == 404
                && (answer.errorCode() == SUBJECT_NOT_FOUND || answer.errorCode() == VERSION_NOT_FOUND)) {
            return true;
        }
        if (answer.status() == 422) {
            throw refused(answer, "Schema registry refused schema for subject " + subject + ": invalid schema (422)");
        }
        if (!answer.ok()) {
            throw unexpected("POST", path, answer);
        }
        JsonNode verdict = answer.body().path("is_compatible");
        if (!verdict.isBoolean()) {
            throw unexpected("POST", path, answer);
        }
        return verdict.booleanValue();
    }

    /** The versions registered under a subject ({@code GET /subjects/{subject}/versions}); empty if none. */
    public List<Integer> versions(String subject) {
        Objects.requireNonNull(subject, "subject");
        String path = "/subjects/" + encode(subject) + "/versions";
        Answer answer = exchange("GET", path, null);
        if (answer.status() == 404 && answer.errorCode() == SUBJECT_NOT_FOUND) {
            return List.of();
        }
        if (!answer.ok() || !answer.body().isArray()) {
            throw unexpected("GET", path, answer);
        }
        List<Integer> versions = new ArrayList<>();
        answer.body().forEach(v -> versions.add(v.asInt()));
        return List.copyOf(versions);
    }

    /** HTTP requests sent so far, retries included: shows the caches at work. */
    public long requestsSent() {
        return requestsSent.get();
    }

    /** Forgets the caches; further calls fail. Serdes built on this client stop working. */
    @Override
    public void close() {
        closed = true;
        registrations.clear();
        schemasById.clear();
        // From Java 21 HttpClient is AutoCloseable and frees its selector thread at once; before, the
        // thread ends when the client is collected.
        if (http instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                LOG.debug("Closing the HTTP client of {} failed", baseUrl, e);
            }
        }
    }

    @Override
    public String toString() {
        return "SchemaRegistryClient[" + baseUrl + "]";
    }

    private Answer exchange(String method, String path, JsonNode body) {
        if (closed) {
            throw new IllegalStateException("SchemaRegistryClient for " + baseUrl + " is closed");
        }
        HttpRequest request = request(method, path, body);
        long started = System.nanoTime();
        Exception lastFailure = null;
        Answer lastAnswer = null;
        Duration backoff = settings.initialBackoff();
        for (int attempt = 1; attempt <= settings.maxAttempts(); attempt++) {
            if (attempt > 1) {
                pause(backoff, method, path);
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
            try {
                requestsSent.incrementAndGet();
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                lastAnswer = new Answer(response.statusCode(), parse(response.body()), response.body());
                if (!isTransient(lastAnswer.status())) {
                    return lastAnswer;
                }
                LOG.debug("{} {}{} answered {} (attempt {}/{})", method, baseUrl, path, lastAnswer.status(),
                        attempt, settings.maxAttempts());
            } catch (IOException e) {
                lastFailure = e;
                lastAnswer = null;
                LOG.debug("{} {}{} failed (attempt {}/{}): {}", method, baseUrl, path, attempt,
                        settings.maxAttempts(), describe(e));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SchemaRegistryException("Interrupted while calling the schema registry at " + baseUrl,
                        SchemaRegistryException.NO_STATUS, NO_ERROR_CODE, e);
            }
        }
        String spent = String.format(Locale.ROOT, "%.1f s", (System.nanoTime() - started) / 1e9);
        if (lastAnswer != null) {
            throw new SchemaRegistryException("Schema registry at " + baseUrl + " answered HTTP " + lastAnswer.status()
                    + " to " + method + " " + path + " " + settings.maxAttempts() + " time(s) in " + spent + ": "
                    + lastAnswer.message(), lastAnswer.status(), lastAnswer.errorCode());
        }
        throw new SchemaRegistryException("Schema registry at " + baseUrl + " is not reachable ("
                + describe(lastFailure) + ") after " + settings.maxAttempts() + " attempt(s) in " + spent
                + ": check that it is running and that the URL (SCHEMA_REGISTRY_URL) is right",
                SchemaRegistryException.NO_STATUS, NO_ERROR_CODE, lastFailure);
    }

    private HttpRequest request(String method, String path, JsonNode body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(settings.requestTimeout())
                .header("Accept", ACCEPT);
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        if (body == null) {
            return builder.method(method, HttpRequest.BodyPublishers.noBody()).build();
        }
        try {
            return builder.header("Content-Type", CONTENT_TYPE)
                    .method(method, HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
                    .build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a JSON request body", e);
        }
    }

    private void pause(Duration backoff, String method, String path) {
        try {
            Thread.sleep(backoff.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SchemaRegistryException("Interrupted while retrying " + method + " " + baseUrl + path,
                    SchemaRegistryException.NO_STATUS, NO_ERROR_CODE, e);
        }
    }

    private static boolean isTransient(int status) {
        return status >= 500 || status == 408 || status == 429;
    }

    private JsonNode parse(String text) {
        if (text == null || text.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            // An HTML error page from a proxy, say: keep the text for the message.
            return MissingNode.getInstance();
        }
    }

    private int requiredInt(Answer answer, String field, String method, String path) {
        JsonNode value = answer.body().path(field);
        if (!value.canConvertToInt()) {
            throw new SchemaRegistryException("Schema registry at " + baseUrl + " answered " + method + " " + path
                    + " without an integer '" + field + "': " + answer.message(), answer.status(), NO_ERROR_CODE);
        }
        return value.intValue();
    }

    private SchemaRegistryException refused(Answer answer, String what) {
        String detail = answer.message();
        return new SchemaRegistryException(detail.isEmpty() ? what : what + ": " + detail,
                answer.status(), answer.errorCode());
    }

    private SchemaRegistryException unexpected(String method, String path, Answer answer) {
        String hint = answer.status() == 404
                ? " (is " + baseUrl + " the root of a Confluent-compatible API? Apicurio's is /apis/ccompat/v7)"
                : answer.status() == 401 || answer.status() == 403 ? " (check the credentials in the URL)" : "";
        return new SchemaRegistryException("Schema registry at " + baseUrl + " answered HTTP " + answer.status()
                + " to " + method + " " + path + hint + ": " + answer.message(), answer.status(), answer.errorCode());
    }

    /** The exception and, if different, its root cause: "ConnectException caused by ClosedChannelException". */
    private static String describe(Throwable failure) {
        if (failure == null) {
            return "no answer";
        }
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == failure ? oneLine(failure) : oneLine(failure) + " caused by " + oneLine(root);
    }

    private static String oneLine(Throwable failure) {
        String message = failure.getMessage();
        return failure.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
    }

    private static String encode(String pathSegment) {
        return URLEncoder.encode(pathSegment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static URI parseBaseUrl(String baseUrl) {
        String problem = "Not a schema registry URL: '" + baseUrl
                + "' (expected http(s)://host:port[/path], e.g. http://127.0.0.1:8081/apis/ccompat/v7)";
        URI uri;
        try {
            uri = URI.create(baseUrl);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(problem, e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getRawAuthority() == null) {
            throw new IllegalArgumentException(problem);
        }
        return uri;
    }

    private static String basicAuthorization(String userInfo) {
        return "Basic " + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8));
    }
}
