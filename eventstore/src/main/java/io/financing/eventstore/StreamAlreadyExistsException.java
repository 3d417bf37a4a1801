package io.financing.eventstore;

import java.util.UUID;

public final class StreamAlreadyExistsException extends EventStoreException {

    public StreamAlreadyExistsException(UUID streamId) {
        super("Stream " + streamId + " already exists");
    }
}
