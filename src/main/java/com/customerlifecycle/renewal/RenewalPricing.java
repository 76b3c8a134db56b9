package com.customerlifecycle.renewal;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Annual values after a multi-year discount, to the cent. */
final class RenewalPricing {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private RenewalPricing() {
    }

    static BigDecimal afterDiscount(BigDecimal annualValue, int discountPercent) {
        return annualValue.multiply(HUNDRED.subtract(BigDecimal.valueOf(discountPercent)))
                .divide(HUNDRED, 2, RoundingMode.HALF_UP);
    }
}
