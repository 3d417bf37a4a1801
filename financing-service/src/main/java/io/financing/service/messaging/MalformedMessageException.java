package io.financing.service.messaging;

/** A message that can never be processed as it is: retrying cannot help, so it goes to the dead letters. */
public final class MalformedMessageException extends RuntimeException {

    public MalformedMessageException(String message) {
        super(message);
    }

    public MalformedMessageException(String message, Throwable cause) {
        super(message, cause);
    }
}
