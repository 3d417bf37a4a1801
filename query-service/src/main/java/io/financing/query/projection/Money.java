package io.financing.query.projection;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Money as the read side keeps and shows it: two fraction digits. */
public final class Money {

    private Money() {
    }

    public static BigDecimal of(String amount) {
        return new BigDecimal(amount).setScale(2, RoundingMode.UNNECESSARY);
    }

    public static String text(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.UNNECESSARY).toPlainString();
    }
}
