package com.customerlifecycle.kpis;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** How every KPI is rounded and summarised, in one place (the README's "Team KPIs" states the same rules). */
final class Figures {

    private static final String REASON_CODE = "[a-z]+(-[a-z0-9]+)*";
    static final String OTHER_REASON = "other";

    private Figures() {
    }

    /** A share of 0 to 1 with four decimals; {@code null} when nothing was there to count. */
    static Double rate(long count, long outOf) {
        return outOf == 0 ? null : round((double) count / outOf, 4);
    }

    /** The median with one decimal; {@code null} for no values. */
    static Double median(List<Double> values) {
        if (values.isEmpty()) {
            return null;
        }
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        double median = sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
        return round(median, 1);
    }

    static double hoursBetween(Instant from, Instant to) {
        return Duration.between(from, to).toMinutes() / 60.0;
    }

    static double daysBetween(Instant from, Instant to) {
        return hoursBetween(from, to) / 24;
    }

    static BigDecimal money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }

    /** A reason chosen from a form's list as it is; free text written before the lists existed counts as "other". */
    static String reasonCode(String reason) {
        return reason == null || !reason.matches(REASON_CODE) ? OTHER_REASON : reason;
    }

    private static double round(double value, int decimals) {
        return BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).doubleValue();
    }
}
