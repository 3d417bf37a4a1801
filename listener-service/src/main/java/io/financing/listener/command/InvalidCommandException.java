package io.financing.listener.command;

import java.util.List;
import java.util.stream.Collectors;

/** A command whose format is wrong; each violation names the field at fault. */
public final class InvalidCommandException extends RuntimeException {

    private final List<FieldViolation> violations;

    InvalidCommandException(List<FieldViolation> violations) {
        super(violations.stream().map(FieldViolation::toString).collect(Collectors.joining("; ")));
        this.violations = List.copyOf(violations);
    }

    public List<FieldViolation> violations() {
        return violations;
    }

    /** @param field the field's path in the request, as in the .proto file ({@code bid.amount}) */
    public record FieldViolation(String field, String description) {

        @Override
        public String toString() {
            return field + " " + description;
        }
    }
}
