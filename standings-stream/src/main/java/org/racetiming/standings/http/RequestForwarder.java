package org.racetiming.standings.http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Sends a query on to the instance that owns its session and brings the answer back as it came. One
 * {@link HttpClient} for every forward: it pools connections to the other instances.
 */
final class RequestForwarder {

    /** Set on a forwarded request, naming the instance that forwarded it; such a request is answered, not forwarded again. */
    static final String FORWARDED_BY = "X-Standings-Forwarded-By";
    /** Set on every answer: the instance that computed it. */
    static final String SERVED_BY = "X-Standings-Served-By";

    /** An answer from another instance. */
    record Answer(int status, String contentType, byte[] body, String servedBy) {
    }

    private final HttpClient client;
    private final String self;
    private final Duration timeout;

    RequestForwarder(HttpClient client, HostInfo self, Duration timeout) {
        this.client = client;
        this.self = self == null ? "local" : name(self);
        this.timeout = timeout;
    }

    static String name(HostInfo host) {
        return host.host() + ":" + host.port();
    }

    String self() {
        return self;
    }

    /** GET {@code pathAndQuery} (starting with '/') on {@code target}; unreachable is a 502, too slow a 503. */
    Answer get(HostInfo target, String pathAndQuery) {
        try {
            return getAsync(target, pathAndQuery).join();
        } catch (CompletionException e) {
            throw failure(target, e.getCause());
        }
    }

    CompletableFuture<Answer> getAsync(HostInfo target, String pathAndQuery) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + name(target) + pathAndQuery))
                .timeout(timeout)
                .header("Accept", "application/json")
                .header(FORWARDED_BY, self)
                .GET()
                .build();
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
                .thenApply(response -> new Answer(response.statusCode(),
                        response.headers().firstValue("Content-Type").orElse("application/json"),
                        response.body(),
                        response.headers().firstValue(SERVED_BY).orElse(name(target))));
    }

    static ApiError failure(HostInfo target, Throwable cause) {
        if (cause instanceof HttpTimeoutException) {
            return ApiError.unavailable("instance " + name(target) + " owns this session but did not answer within the timeout");
        }
        if (cause instanceof IOException) {
            return ApiError.badGateway("instance " + name(target) + " owns this session but cannot be reached: " + cause);
        }
        return ApiError.badGateway("forwarding to " + name(target) + " failed: " + cause);
    }
}
