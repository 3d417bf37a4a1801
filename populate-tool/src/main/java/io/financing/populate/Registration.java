package io.financing.populate;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** One party to register: an issuer, or an investor with an opening balance. */
public sealed interface Registration {

    UUID id();

    /**
     * The id of the integration event that registers this party, derived from the party's id: registering the
     * same party again publishes the same event, which its consumers recognise as one they have handled.
     */
    default UUID eventId() {
        return UUID.nameUUIDFromBytes(("registration of " + id()).getBytes(StandardCharsets.UTF_8));
    }

    /** An id that is always the same for a party of this kind and name, wherever and however often it is made. */
    static UUID stableId(String kind, String name) {
        return UUID.nameUUIDFromBytes((kind + " " + name).getBytes(StandardCharsets.UTF_8));
    }

    record Issuer(UUID id, String name) implements Registration {
    }

    record Investor(UUID id, String name, BigDecimal balance) implements Registration {
    }
}
