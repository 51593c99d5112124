package org.racetiming.serde;

/**
 * A schema registry failed or refused a request. The message says what happened and what to check;
 * {@link #httpStatus()} and {@link #errorCode()} carry the registry's answer when there was one.
 */
public class SchemaRegistryException extends RuntimeException {

    /** No HTTP answer: the registry was not reached. */
    public static final int NO_STATUS = -1;

    private final int httpStatus;
    private final int errorCode;

    public SchemaRegistryException(String message, int httpStatus, int errorCode, Throwable cause) {
        super(message, cause);
        this.httpStatus = httpStatus;
        this.errorCode = errorCode;
    }

    public SchemaRegistryException(String message, int httpStatus, int errorCode) {
        this(message, httpStatus, errorCode, null);
    }

    /** The HTTP status, or {@link #NO_STATUS} if the registry did not answer. */
    public int httpStatus() {
        return httpStatus;
    }

    /** The Confluent {@code error_code} of the answer (e.g. 40403 schema not found), or -1 if none. */
    public int errorCode() {
        return errorCode;
    }

    /** The registry refused a schema because it breaks the subject's compatibility rule. */
    public boolean isIncompatibleSchema() {
        return httpStatus == 409;
    }
}
