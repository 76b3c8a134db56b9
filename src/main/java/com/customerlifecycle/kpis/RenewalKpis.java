package com.customerlifecycle.kpis;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.util.Map;
import java.util.TreeMap;

import com.customerlifecycle.renewal.RenewalProcess;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The renewal team's figures, from the renewal cycles whose contracts ended in the period. */
@Component
class RenewalKpis {

    record Renewal(long contractsEnded, long renewed, long churned, long renewedByAm, Double grossRevenueRetention,
                   Double netRevenueRetention, Map<String, Long> churnReasons, Double multiYearShare) {
    }

    private static final int ENDED = 0;
    private static final int RENEWED = 1;
    private static final int CHURNED = 2;
    private static final int RENEWED_BY_AM = 3;
    private static final int MULTI_YEAR = 4;
    private static final int BEFORE = 0;
    private static final int AFTER = 1;
    private static final int KEPT = 2;

    private final JdbcClient jdbc;

    RenewalKpis(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Renewal renewal(Period period) {
        long[] cycles = new long[5];
        BigDecimal[] values = {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO};
        Map<String, Long> churnReasons = new TreeMap<>();
        jdbc.sql("""
                SELECT outcome, churn_reason, CASE WHEN term_years > 1 THEN 1 ELSE 0 END AS multi_year, COUNT(*) AS cycles,
                       SUM(annual_value) AS value_before, SUM(new_annual_value) AS value_after,
                       SUM(CASE WHEN new_annual_value IS NULL THEN 0 WHEN new_annual_value < annual_value
                                THEN new_annual_value ELSE annual_value END) AS value_kept
                FROM renewal
                WHERE contract_end_date >= :from AND contract_end_date <= :to
                  AND (outcome IS NOT NULL OR contract_end_date < :today)
                GROUP BY outcome, churn_reason, CASE WHEN term_years > 1 THEN 1 ELSE 0 END""")
                .param("from", Date.valueOf(period.from())).param("to", Date.valueOf(period.to()))
                .param("today", Date.valueOf(period.today()))
                .query(row -> {
                    String outcome = row.getString("outcome");
                    long count = row.getLong("cycles");
                    cycles[ENDED] += count;
                    values[BEFORE] = values[BEFORE].add(row.getBigDecimal("value_before"));
                    if (RenewalProcess.Outcome.CHURNED.equals(outcome)) {
                        cycles[CHURNED] += count;
                        churnReasons.merge(Figures.reasonCode(row.getString("churn_reason")), count, Long::sum);
                    } else if (outcome != null) {
                        values[AFTER] = values[AFTER].add(Figures.money(row.getBigDecimal("value_after")));
                        values[KEPT] = values[KEPT].add(row.getBigDecimal("value_kept"));
                        if (RenewalProcess.Outcome.RENEWED.equals(outcome)) {
                            cycles[RENEWED] += count;
                            cycles[MULTI_YEAR] += row.getInt("multi_year") * count;
                        } else {
                            cycles[RENEWED_BY_AM] += count;
                        }
                    }
                });
        return new Renewal(cycles[ENDED], cycles[RENEWED], cycles[CHURNED], cycles[RENEWED_BY_AM],
                share(values[KEPT], values[BEFORE]), share(values[AFTER], values[BEFORE]), churnReasons,
                Figures.rate(cycles[MULTI_YEAR], cycles[RENEWED]));
    }

    private static Double share(BigDecimal part, BigDecimal whole) {
        return whole.signum() == 0 ? null : part.divide(whole, 4, RoundingMode.HALF_UP).doubleValue();
    }
}
