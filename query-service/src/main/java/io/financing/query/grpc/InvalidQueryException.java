package io.financing.query.grpc;

/** A query whose format is wrong: answered INVALID_ARGUMENT with this message, which names the field. */
final class InvalidQueryException extends RuntimeException {

    InvalidQueryException(String message) {
        super(message);
    }
}
