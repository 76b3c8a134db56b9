package com.customerlifecycle.kpis;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How every KPI is summarised and rounded, in one place (the README's "Team KPIs" states the same rules). Medians are
 * computed by the database ({@link MedianDurations}), over durations in seconds.
 */
final class Figures {

    private static final String REASON_CODE = "[a-z]+(-[a-z0-9]+)*";
    static final String OTHER_REASON = "other";
    private static final double SECONDS_PER_HOUR = 3600;
    private static final double SECONDS_PER_DAY = 86400;

    private Figures() {
    }

    /** A share of 0 to 1 with four decimals; {@code null} when nothing was there to count. */
    static Double rate(long count, long outOf) {
        return outOf == 0 ? null : round((double) count / outOf, 4);
    }

    /** A median of seconds in hours, one decimal; {@code null} when nothing was measured. */
    static Double hours(Number seconds) {
        return seconds == null ? null : round(seconds.doubleValue() / SECONDS_PER_HOUR, 1);
    }

    /** A median of seconds in days, one decimal; {@code null} when nothing was measured. */
    static Double days(Number seconds) {
        return seconds == null ? null : round(seconds.doubleValue() / SECONDS_PER_DAY, 1);
    }

    static BigDecimal money(BigDecimal amount) {
        return (amount == null ? BigDecimal.ZERO : amount).setScale(2, RoundingMode.HALF_UP);
    }

    /** A reason chosen from a form's list as it is; free text written before the lists existed counts as "other". */
    static String reasonCode(String reason) {
        return reason == null || !reason.matches(REASON_CODE) ? OTHER_REASON : reason;
    }

    private static double round(double value, int decimals) {
        return BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).doubleValue();
    }
}
