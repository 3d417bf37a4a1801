package io.financing.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void alwaysHasTwoFractionDigits() {
        assertThat(Money.of("10")).hasToString("10.00");
        assertThat(Money.of("10.5").amount()).isEqualTo(new BigDecimal("10.50"));
        assertThat(Money.of("10.50")).isEqualTo(Money.of("10.5"));
    }

    @Test
    void addsSubtractsAndCompares() {
        assertThat(Money.of("10.25").plus(Money.of("0.75"))).isEqualTo(Money.of("11"));
        assertThat(Money.of("20").minus(Money.of("10"))).isEqualTo(Money.of("10"));
        assertThat(Money.of("10").isAtLeast(Money.of("10.00"))).isTrue();
        assertThat(Money.of("9.99").isAtLeast(Money.of("10"))).isFalse();
        assertThat(Money.of("10.01").isMoreThan(Money.of("10"))).isTrue();
        assertThat(Money.ZERO.isZero()).isTrue();
    }

    @Test
    void isNeverNegativeNorRoundedSilently() {
        assertThatThrownBy(() -> Money.of("-0.01")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Money.of("1.005")).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> Money.of("5").minus(Money.of("5.01"))).isInstanceOf(IllegalStateException.class);
    }
}
