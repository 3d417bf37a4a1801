package io.financing.service.issuer;

import static org.assertj.core.api.Assertions.assertThat;

import io.financing.api.event.IssuerEvent.IssuerCreated;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class IssuerTest {

    @Test
    void aRegisteredIssuerIsCreated() {
        UUID id = UUID.randomUUID();

        assertThat(Issuer.create(id).changes()).containsExactly(new IssuerCreated(id));
    }
}
