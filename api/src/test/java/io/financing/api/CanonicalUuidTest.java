package io.financing.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CanonicalUuidTest {

    @ParameterizedTest
    @ValueSource(strings = {"5f0c6a9e-3c1b-4c57-9a55-0f8b2f6c1d11", "5F0C6A9E-3C1B-4C57-9A55-0F8B2F6C1D11"})
    void theThirtySixCharacterFormInEitherCaseIsAUuid(String text) {
        assertThat(CanonicalUuid.parse(text)).contains(UUID.fromString("5f0c6a9e-3c1b-4c57-9a55-0f8b2f6c1d11"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1-2-3-4-5", "5f0c6a9e3c1b4c579a550f8b2f6c1d11", "{5f0c6a9e-3c1b-4c57-9a55-0f8b2f6c1d11}",
            " 5f0c6a9e-3c1b-4c57-9a55-0f8b2f6c1d11", "5f0c6a9e-3c1b-4c57-9a55-0f8b2f6c1d1g", ""})
    void anythingElseIsNot(String text) {
        assertThat(CanonicalUuid.parse(text)).isEmpty();
    }
}
