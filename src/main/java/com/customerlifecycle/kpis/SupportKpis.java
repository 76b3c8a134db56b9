package com.customerlifecycle.kpis;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import com.customerlifecycle.success.SuccessProcess;
import com.customerlifecycle.support.SupportProcess;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The support team's figures, from the support cases. */
@Component
class SupportKpis {

    record Support(long casesOpened, long casesResolved, Double firstResponseSlaMet, Double medianHoursToResolve,
                   Map<String, TierFigures> byTier) {
    }

    /**
     * {@code firstResponseSlaMet}: of the cases opened whose first response is settled (given, or its SLA timer fired),
     * the share answered before the timer fired.
     */
    record TierFigures(long opened, long resolved, Double firstResponseSlaMet) {
    }

    private static final int OPENED = 0;
    private static final int RESOLVED = 1;
    private static final int SETTLED = 2;
    private static final int IN_TIME = 3;

    private final JdbcClient jdbc;
    private final MedianDurations medians;

    SupportKpis(JdbcClient jdbc, MedianDurations medians) {
        this.jdbc = jdbc;
        this.medians = medians;
    }

    Support support(Period period) {
        Map<String, long[]> byTier = new LinkedHashMap<>();
        Stream.concat(SuccessProcess.TOUCH_TIERS.stream(), Stream.of(SupportProcess.TRIAL_TIER))
                .forEach(tier -> byTier.put(tier, new long[4]));
        jdbc.sql("""
                SELECT tier, COUNT(*) AS opened,
                       SUM(CASE WHEN first_response_at IS NOT NULL OR first_response_missed THEN 1 ELSE 0 END) AS settled,
                       SUM(CASE WHEN first_response_at IS NOT NULL AND NOT first_response_missed THEN 1 ELSE 0 END)
                           AS in_time
                FROM support_case WHERE opened_at >= :start AND opened_at < :end GROUP BY tier""")
                .param("start", period.startTimestamp()).param("end", period.endTimestamp())
                .query(row -> {
                    long[] counts = byTier.computeIfAbsent(row.getString("tier"), tier -> new long[4]);
                    counts[OPENED] = row.getLong("opened");
                    counts[SETTLED] = row.getLong("settled");
                    counts[IN_TIME] = row.getLong("in_time");
                });
        jdbc.sql("""
                SELECT tier, COUNT(*) AS resolved FROM support_case
                WHERE resolved_at >= :start AND resolved_at < :end GROUP BY tier""")
                .param("start", period.startTimestamp()).param("end", period.endTimestamp())
                .query(row -> {
                    byTier.computeIfAbsent(row.getString("tier"), tier -> new long[4])[RESOLVED] = row.getLong("resolved");
                });
        Number medianSeconds = medians.ofRowsEndingIn(period, "support_case", "opened_at", "resolved_at");

        Map<String, TierFigures> figures = new LinkedHashMap<>();
        long[] total = new long[4];
        byTier.forEach((tier, counts) -> {
            figures.put(tier, new TierFigures(counts[OPENED], counts[RESOLVED],
                    Figures.rate(counts[IN_TIME], counts[SETTLED])));
            for (int figure = 0; figure < total.length; figure++) {
                total[figure] += counts[figure];
            }
        });
        return new Support(total[OPENED], total[RESOLVED], Figures.rate(total[IN_TIME], total[SETTLED]),
                Figures.hours(medianSeconds), figures);
    }
}
