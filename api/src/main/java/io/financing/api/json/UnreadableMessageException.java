package io.financing.api.json;

/** A message that is not what it claims to be: reading it again will never succeed. */
public final class UnreadableMessageException extends RuntimeException {

    public UnreadableMessageException(String message) {
        super(message);
    }

    public UnreadableMessageException(String message, Throwable cause) {
        super(message, cause);
    }
}
