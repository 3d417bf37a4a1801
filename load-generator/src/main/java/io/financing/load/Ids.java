package io.financing.load;

import java.util.UUID;

/** Ids as the API spells them. */
final class Ids {

    private Ids() {
    }

    static io.financing.api.v1.UUID proto(UUID id) {
        return io.financing.api.v1.UUID.newBuilder().setValue(id.toString()).build();
    }
}
