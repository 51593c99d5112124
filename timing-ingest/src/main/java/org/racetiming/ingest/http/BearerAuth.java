package org.racetiming.ingest.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;

/**
 * Checks {@code Authorization: Bearer <token>} against the configured token. The comparison is of
 * SHA-256 digests with {@link MessageDigest#isEqual}, which takes the same time wherever the first
 * difference is and whatever the length of the guess: the answer time tells nothing about the token.
 */
final class BearerAuth {

    enum Outcome {
        /** The right token, or no authentication configured. */
        ALLOWED,
        /** No Authorization header, or not of the form {@code Bearer <token>}: 401. */
        UNAUTHENTICATED,
        /** A well-formed bearer token that is not the configured one: 403. */
        FORBIDDEN
    }

    private static final String SCHEME = "bearer ";

    private final byte[] expectedDigest;

    /** @param token the configured token; null lets every request in */
    BearerAuth(String token) {
        this.expectedDigest = token == null ? null : sha256(token);
    }

    Outcome check(String authorization) {
        if (expectedDigest == null) {
            return Outcome.ALLOWED;
        }
        if (authorization == null || authorization.length() <= SCHEME.length()
                || !authorization.substring(0, SCHEME.length()).toLowerCase(Locale.ROOT).equals(SCHEME)) {
            return Outcome.UNAUTHENTICATED;
        }
        String token = authorization.substring(SCHEME.length()).strip();
        if (token.isEmpty() || token.chars().anyMatch(Character::isWhitespace)) {
            return Outcome.UNAUTHENTICATED;
        }
        return MessageDigest.isEqual(sha256(token), expectedDigest) ? Outcome.ALLOWED : Outcome.FORBIDDEN;
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
