package org.racetiming.standings.http;

/** A request that cannot be answered, with the HTTP status and a message that says why. */
final class ApiError extends RuntimeException {

    private final int status;
    private final boolean unknownSession;

    private ApiError(int status, String message, boolean unknownSession) {
        super(message);
        this.status = status;
        this.unknownSession = unknownSession;
    }

    private ApiError(int status, String message) {
        this(status, message, false);
    }

    static ApiError unknownSession(String sessionId) {
        return new ApiError(404, "no session '" + sessionId + "' here: it has no events (GET /sessions lists the known ones)", true);
    }

    static ApiError badRequest(String message) {
        return new ApiError(400, message);
    }

    static ApiError notFound(String message) {
        return new ApiError(404, message);
    }

    static ApiError badGateway(String message) {
        return new ApiError(502, message);
    }

    static ApiError unavailable(String message) {
        return new ApiError(503, message);
    }

    int status() {
        return status;
    }

    /** A 404 because the session has no events here, not because of something inside it. */
    boolean unknownSession() {
        return unknownSession;
    }
}
