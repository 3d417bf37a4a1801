package io.financing.query.grpc;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;

/** A query whose format is wrong: answered INVALID_ARGUMENT with this message, which names the field. */
final class InvalidQueryException extends RuntimeException {

    InvalidQueryException(String message) {
        super(message);
    }

    /** The answer to the client, which every query, unary or streaming, gives the same way. */
    StatusRuntimeException answer() {
        return Status.INVALID_ARGUMENT.withDescription(getMessage()).asRuntimeException();
    }
}
