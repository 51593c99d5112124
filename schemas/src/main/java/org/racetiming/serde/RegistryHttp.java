package org.racetiming.serde;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP side of {@link SchemaRegistryClient}: one {@link HttpClient}, JSON in and out, bounded
 * retries with exponential backoff when the registry is unreachable or answers 5xx, 408 or 429.
 */
final class RegistryHttp implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RegistryHttp.class);
    private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final String ACCEPT =
            "application/vnd.schemaregistry.v1+json, application/vnd.schemaregistry+json, application/json";
    static final int NO_ERROR_CODE = -1;
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    /** An HTTP answer with its JSON body (missing if it was not JSON) and its text. */
    record Answer(int status, JsonNode body, String text) {
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
    private final SchemaRegistryClient.Settings settings;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();
    private final AtomicLong requestsSent = new AtomicLong();
    private volatile boolean closed;

    RegistryHttp(String baseUrl, SchemaRegistryClient.Settings settings) {
        this.settings = settings;
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

    String baseUrl() {
        return baseUrl;
    }

    long requestsSent() {
        return requestsSent.get();
    }

    /** A request body carrying a schema, as register, lookup and compatibility take it. */
    ObjectNode schemaBody(String schema) {
        return json.createObjectNode().put("schema", schema);
    }

    ObjectNode objectBody() {
        return json.createObjectNode();
    }

    @Override
    public void close() {
        closed = true;
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

    /** Sends a request, retrying transient failures; any non-transient answer is returned as is. */
    Answer exchange(String method, String path, JsonNode body) {
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
