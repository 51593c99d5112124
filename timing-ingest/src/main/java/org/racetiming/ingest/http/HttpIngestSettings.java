package org.racetiming.ingest.http;

import java.time.Duration;
import java.util.Objects;

/**
 * How the HTTP ingest API runs.
 *
 * @param port         TCP port; 0 picks a free one
 * @param token        the bearer token clients must send; null or blank only when {@code open}
 * @param open         no authentication at all, for local use; refused unless asked for explicitly
 * @param maxBodyBytes larger request bodies are answered 413 without being read
 * @param ackTimeout   how long a request waits for Kafka to acknowledge its events before it is
 *                     answered 503 (the events may still arrive; a retry is recognised as duplicates)
 */
public record HttpIngestSettings(int port, String token, boolean open, long maxBodyBytes, Duration ackTimeout, String host) {

    public static final int DEFAULT_PORT = 8090;
    public static final long DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
    public static final Duration DEFAULT_ACK_TIMEOUT = Duration.ofSeconds(30);

    public HttpIngestSettings {
        Objects.requireNonNull(ackTimeout, "ackTimeout");
        host = host == null || host.isBlank() ? null : host.strip();
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("HTTP port must be 0..65535, was " + port);
        }
        if (maxBodyBytes < 1) {
            throw new IllegalArgumentException("the maximum body size must be positive, was " + maxBodyBytes);
        }
        token = token == null || token.isBlank() ? null : token.strip();
        if (token == null && !open) {
            throw new IllegalStateException("refusing to start the HTTP ingest API without a token: set INGEST_TOKEN, "
                    + "or run it open (INGEST_OPEN=true, or --open) for local use only");
        }
    }

    /** Listening on every interface (a container's choice). */
    public HttpIngestSettings(int port, String token, boolean open, long maxBodyBytes, Duration ackTimeout) {
        this(port, token, open, maxBodyBytes, ackTimeout, null);
    }

    /** Listening on one address only, e.g. 127.0.0.1 behind a proxy on the same machine; null for every interface. */
    public HttpIngestSettings onHost(String address) {
        return new HttpIngestSettings(port, token, open, maxBodyBytes, ackTimeout, address);
    }

    /** Authenticated with the token, default limits. */
    public static HttpIngestSettings withToken(int port, String token) {
        return new HttpIngestSettings(port, token, false, DEFAULT_MAX_BODY_BYTES, DEFAULT_ACK_TIMEOUT);
    }

    /** No authentication, default limits: local use only. */
    public static HttpIngestSettings openForLocalUse(int port) {
        return new HttpIngestSettings(port, null, true, DEFAULT_MAX_BODY_BYTES, DEFAULT_ACK_TIMEOUT);
    }

    public HttpIngestSettings withMaxBodyBytes(long bytes) {
        return new HttpIngestSettings(port, token, open, bytes, ackTimeout, host);
    }

    /** True when requests must carry the token: a configured token wins over {@code open}. */
    public boolean authenticated() {
        return token != null;
    }

    @Override
    public String toString() {
        // Never the token itself: settings end up in logs.
        return "HttpIngestSettings[" + (host == null ? "" : "host=" + host + ", ") + "port=" + port + ", auth=" + (authenticated() ? "bearer token" : "OPEN") + ", maxBodyBytes="
                + maxBodyBytes + ", ackTimeout=" + ackTimeout + "]";
    }
}
