package org.racetiming.serde;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
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
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;

/**
 * Small Schema Registry REST client for the Confluent API (Confluent Schema Registry, Apicurio's
 * {@code /apis/ccompat/v7}, Karapace, ...), with Jackson for JSON. One {@link HttpClient} per instance,
 * shared by every call; ids and schemas are cached, so a serde asks the registry once per subject and once per
 * writer id. Failures to reach the registry are retried with exponential backoff, a bounded number of
 * times ({@link Settings}). Thread-safe.
 *
 * <p>A user name and password in the URL ({@code https://user:secret@host/}) are sent as HTTP basic
 * authentication, as Confluent Cloud expects.
 */
public final class SchemaRegistryClient implements AutoCloseable {

    private static final int NO_ERROR_CODE = RegistryHttp.NO_ERROR_CODE;
    private static final int SUBJECT_NOT_FOUND = 40401;
    private static final int VERSION_NOT_FOUND = 40402;
    private static final int SCHEMA_NOT_FOUND = 40403;
    private static final Set<String> COMPATIBILITY_LEVELS = Set.of("BACKWARD", "BACKWARD_TRANSITIVE", "FORWARD",
            "FORWARD_TRANSITIVE", "FULL", "FULL_TRANSITIVE", "NONE");

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

    private final RegistryHttp http;
    private final ConcurrentMap<SubjectSchema, CompletableFuture<Integer>> registrations = new ConcurrentHashMap<>();
    private final ConcurrentMap<Integer, Schema> schemasById = new ConcurrentHashMap<>();

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
        this.http = new RegistryHttp(baseUrl, Objects.requireNonNull(settings, "settings"));
    }

    /** The registry's URL without credentials, as used in messages. */
    public String baseUrl() {
        return http.baseUrl();
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
        RegistryHttp.Answer answer = http.exchange("POST", path, http.schemaBody(schema.toString()));
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
        RegistryHttp.Answer answer = http.exchange("POST", path, http.schemaBody(schema.toString()));
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
        RegistryHttp.Answer answer = http.exchange("GET", path, null);
        // 40403 schema not found; a 404 without it is most likely a wrong base URL.
        if (answer.status() == 404 && answer.errorCode() == SCHEMA_NOT_FOUND) {
            throw refused(answer, "Schema registry at " + http.baseUrl() + " has no schema with id " + id
                    + " (404): was the data written with another registry, or has the registry lost its"
                    + " (in-memory?) storage?");
        }
        if (!answer.ok()) {
            throw unexpected("GET", path, answer);
        }
        String type = answer.body().path("schemaType").asText("AVRO");
        if (!"AVRO".equals(type.toUpperCase(Locale.ROOT))) {
            throw new SchemaRegistryException("Schema id " + id + " at " + http.baseUrl() + " is a " + type
                    + " schema, not Avro", answer.status(), NO_ERROR_CODE);
        }
        Schema schema;
        try {
            // A fresh parser per schema: one parser refuses to redefine names the previous one saw.
            schema = new Schema.Parser().parse(answer.body().path("schema").asText());
        } catch (SchemaParseException e) {
            throw new SchemaRegistryException("Schema id " + id + " at " + http.baseUrl() + " is not a valid Avro schema: "
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
        RegistryHttp.Answer answer = http.exchange("PUT", path, http.objectBody().put("compatibility", normalised));
        if (answer.status() == 422) {
            throw refused(answer, "Schema registry refused compatibility level " + normalised + " (422)");
        }
        if (!answer.ok()) {
            throw unexpected("PUT", path, answer);
        }
    }

    /**
     * The registry's global compatibility level ({@code GET /config}): Confluent answers
     * {@code compatibilityLevel}, Apicurio {@code compatibility}.
     */
    public String compatibility() {
        RegistryHttp.Answer answer = http.exchange("GET", "/config", null);
        if (!answer.ok()) {
            throw unexpected("GET", "/config", answer);
        }
        JsonNode level = answer.body().has("compatibilityLevel") ? answer.body().path("compatibilityLevel")
                : answer.body().path("compatibility");
        if (!level.isTextual()) {
            throw unexpected("GET", "/config", answer);
        }
        return level.asText().toUpperCase(Locale.ROOT);
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
        RegistryHttp.Answer answer = http.exchange("POST", path, http.schemaBody(schema.toString()));
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
        RegistryHttp.Answer answer = http.exchange("GET", path, null);
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
        return http.requestsSent();
    }

    /** Forgets the caches; further calls fail. Serdes built on this client stop working. */
    @Override
    public void close() {
        registrations.clear();
        schemasById.clear();
        http.close();
    }

    @Override
    public String toString() {
        return "SchemaRegistryClient[" + http.baseUrl() + "]";
    }

    private int requiredInt(RegistryHttp.Answer answer, String field, String method, String path) {
        JsonNode value = answer.body().path(field);
        if (!value.canConvertToInt()) {
            throw new SchemaRegistryException("Schema registry at " + http.baseUrl() + " answered " + method + " " + path
                    + " without an integer '" + field + "': " + answer.message(), answer.status(), NO_ERROR_CODE);
        }
        return value.intValue();
    }

    private SchemaRegistryException refused(RegistryHttp.Answer answer, String what) {
        String detail = answer.message();
        return new SchemaRegistryException(detail.isEmpty() ? what : what + ": " + detail,
                answer.status(), answer.errorCode());
    }

    private SchemaRegistryException unexpected(String method, String path, RegistryHttp.Answer answer) {
        String hint = answer.status() == 404
                ? " (is " + http.baseUrl() + " the root of a Confluent-compatible API? Apicurio's is /apis/ccompat/v7)"
                : answer.status() == 401 || answer.status() == 403 ? " (check the credentials in the URL)" : "";
        return new SchemaRegistryException("Schema registry at " + http.baseUrl() + " answered HTTP " + answer.status()
                + " to " + method + " " + path + hint + ": " + answer.message(), answer.status(), answer.errorCode());
    }

    private static String encode(String pathSegment) {
        return URLEncoder.encode(pathSegment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
