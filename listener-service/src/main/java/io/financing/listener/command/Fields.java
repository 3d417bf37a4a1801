package io.financing.listener.command;

import io.financing.api.CanonicalUuid;
import io.financing.listener.command.InvalidCommandException.FieldViolation;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Reads the fields of one request, collecting every violation so that a client learns of all its
 * mistakes at once. Call {@link #orThrow()} once every field is read.
 */
final class Fields {

    // Plain decimal text only: no sign, exponent, spaces or grouping; ASCII digits.
    private static final Pattern MONEY_TEXT = Pattern.compile("[0-9]{1,13}(\\.[0-9]{1,2})?");
    private static final UUID NIL = new UUID(0, 0);
    private static final int ECHOED_INPUT = 40;

    private final List<FieldViolation> violations = new ArrayList<>();

    /** A required UUID sub-message: present, and its value a canonical UUID other than the nil one. */
    UUID uuid(String field, boolean present, String value) {
        if (!present) {
            return violation(field, "is required");
        }
        return uuidText(field + ".value", value);
    }

    /** An optional UUID in a string field: empty means absent (null). */
    UUID optionalUuid(String field, String value) {
        return value.isEmpty() ? null : uuidText(field, value);
    }

    /** A required Money sub-message: a positive amount, at most 13 integer and 2 fraction digits. */
    BigDecimal money(String field, boolean present, String amount) {
        if (!present) {
            return violation(field, "is required");
        }
        String path = field + ".amount";
        if (amount.isEmpty()) {
            return violation(path, "is required");
        }
        if (!MONEY_TEXT.matcher(amount).matches()) {
            return violation(path, "must be a decimal amount like \"10.50\" (digits, at most 13 before the point"
                    + " and 2 after it), got " + echo(amount));
        }
        BigDecimal value = new BigDecimal(amount);
        if (value.signum() <= 0) {
            return violation(path, "must be greater than zero, got " + echo(amount));
        }
        return value.setScale(2);
    }

    void orThrow() {
        if (!violations.isEmpty()) {
            throw new InvalidCommandException(violations);
        }
    }

    private UUID uuidText(String field, String value) {
        if (value.isEmpty()) {
            return violation(field, "is required");
        }
        UUID uuid = CanonicalUuid.parse(value).orElse(null);
        if (uuid == null) {
            return violation(field, "must be " + CanonicalUuid.EXPECTED + ", got " + echo(value));
        }
        if (uuid.equals(NIL)) {
            return violation(field, "must not be the nil UUID");
        }
        return uuid;
    }

    private <T> T violation(String field, String description) {
        violations.add(new FieldViolation(field, description));
        return null;
    }

    /** The client's input quoted back, cut short and with control characters escaped. */
    private static String echo(String input) {
        StringBuilder quoted = new StringBuilder("\"");
        input.codePoints().limit(ECHOED_INPUT).forEach(c -> {
            if (Character.isISOControl(c)) {
                quoted.append(String.format("\\u%04x", c));
            } else {
                quoted.appendCodePoint(c);
            }
        });
        if (input.codePointCount(0, input.length()) > ECHOED_INPUT) {
            quoted.append('…');
        }
        return quoted.append('"').toString();
    }
}
