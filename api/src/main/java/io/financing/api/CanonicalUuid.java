package io.financing.api;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A UUID as the contract writes it: the 36-character 8-4-4-4-12 hexadecimal form, in either case. Java's
 * {@link UUID#fromString} accepts more ("1-2-3-4-5" among them), which no client of ours may send.
 */
public final class CanonicalUuid {

    /** What a client that sent something else is told to send. */
    public static final String EXPECTED = "a UUID like \"5f0c6a9e-3c1b-4c57-9a55-0f8b2f6c1d11\"";

    private static final Pattern TEXT = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private CanonicalUuid() {
    }

    /** The UUID the text writes canonically; empty for any other text. */
    public static Optional<UUID> parse(String text) {
        return TEXT.matcher(text).matches() ? Optional.of(UUID.fromString(text)) : Optional.empty();
    }
}
