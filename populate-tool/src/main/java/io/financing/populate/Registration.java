package io.financing.populate;

import java.math.BigDecimal;
import java.util.UUID;

/** One party to register: an issuer, or an investor with an opening balance. */
public sealed interface Registration {

    UUID id();

    record Issuer(UUID id, String name) implements Registration {
    }

    record Investor(UUID id, String name, BigDecimal balance) implements Registration {
    }
}
