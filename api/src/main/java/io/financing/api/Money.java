package io.financing.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * An amount of money: never negative, always two fraction digits. Arithmetic that would go below
 * zero is a broken invariant, not a value, and fails. In JSON it is the exact decimal text the
 * contract fixes, {@code "10.50"}: a string, so no reader takes it for a binary floating-point number.
 */
public record Money(BigDecimal amount) implements Comparable<Money> {

    public static final Money ZERO = new Money(BigDecimal.ZERO);

    public Money {
        Objects.requireNonNull(amount, "amount");
        if (amount.signum() < 0) {
            throw new IllegalArgumentException("Money is never negative, got " + amount);
        }
        // Exactly representable in cents, or refused: money is never rounded silently.
        amount = amount.setScale(2, RoundingMode.UNNECESSARY);
    }

    @JsonCreator
    public static Money of(String amount) {
        return new Money(new BigDecimal(amount));
    }

    public Money plus(Money other) {
        return new Money(amount.add(other.amount));
    }

    /** @throws IllegalStateException if {@code other} is more than this */
    public Money minus(Money other) {
        if (other.isMoreThan(this)) {
            throw new IllegalStateException("Cannot take " + other + " from " + this);
        }
        return new Money(amount.subtract(other.amount));
    }

    public boolean isAtLeast(Money other) {
        return compareTo(other) >= 0;
    }

    public boolean isMoreThan(Money other) {
        return compareTo(other) > 0;
    }

    public boolean isZero() {
        return amount.signum() == 0;
    }

    @Override
    public int compareTo(Money other) {
        return amount.compareTo(other.amount);
    }

    /** "10.50". */
    @JsonValue
    @Override
    public String toString() {
        return amount.toPlainString();
    }
}
