package org.racetiming.ingest.publish;

import java.time.Duration;
import java.util.Objects;

/**
 * How long the producer waits and how often the start-up check tries before giving up.
 *
 * @param maxBlock         how long a send may wait for metadata or buffer space ({@code max.block.ms})
 * @param deliveryTimeout  how long a sent event may take to be acknowledged, retries included
 *                         ({@code delivery.timeout.ms}); long, so that a broker restart delays events
 *                         instead of losing them
 * @param requestTimeout   one produce request ({@code request.timeout.ms})
 * @param connectAttempts  tries of the start-up check before Kafka is declared unreachable
 * @param connectTimeout   one try of the start-up check
 * @param retryBackoff     wait between two tries of the start-up check
 */
public record PublisherSettings(Duration maxBlock, Duration deliveryTimeout, Duration requestTimeout,
                                int connectAttempts, Duration connectTimeout, Duration retryBackoff) {

    public PublisherSettings {
        Objects.requireNonNull(maxBlock, "maxBlock");
        Objects.requireNonNull(deliveryTimeout, "deliveryTimeout");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(retryBackoff, "retryBackoff");
        if (connectAttempts < 1) {
            throw new IllegalArgumentException("connectAttempts must be at least 1, was " + connectAttempts);
        }
        // Kafka refuses a delivery timeout shorter than linger plus one request.
        if (deliveryTimeout.compareTo(requestTimeout.plusMillis(EventPublisher.LINGER_MS)) < 0) {
            throw new IllegalArgumentException("deliveryTimeout " + deliveryTimeout + " must be at least requestTimeout "
                    + requestTimeout + " + linger " + EventPublisher.LINGER_MS + " ms");
        }
    }

    /**
     * Two minutes to deliver an event (a broker restart fits in it), 15 s per request and for a send to
     * block; three start-up tries of 5 s, 1 s apart: unreachable Kafka is reported after about 17 s.
     */
    public static PublisherSettings defaults() {
        return new PublisherSettings(Duration.ofSeconds(15), Duration.ofMinutes(2), Duration.ofSeconds(15),
                3, Duration.ofSeconds(5), Duration.ofSeconds(1));
    }

    public PublisherSettings withConnectCheck(int attempts, Duration timeout, Duration backoff) {
        return new PublisherSettings(maxBlock, deliveryTimeout, requestTimeout, attempts, timeout, backoff);
    }

    /** The longest the start-up check can take before it gives up. */
    public Duration connectBudget() {
        return connectTimeout.multipliedBy(connectAttempts).plus(retryBackoff.multipliedBy(connectAttempts - 1L));
    }
}
