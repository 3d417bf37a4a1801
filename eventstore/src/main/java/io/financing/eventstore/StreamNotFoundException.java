package io.financing.eventstore;

import java.util.UUID;

public final class StreamNotFoundException extends EventStoreException {

    public StreamNotFoundException(UUID streamId) {
        super("Stream " + streamId + " does not exist");
    }
}
