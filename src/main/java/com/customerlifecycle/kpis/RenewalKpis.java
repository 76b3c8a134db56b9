package com.customerlifecycle.kpis;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.util.List;
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

    private record Cycle(BigDecimal annualValue, String outcome, Integer termYears, BigDecimal newAnnualValue,
                         String churnReason) {

        boolean renewed() {
            return RenewalProcess.Outcome.RENEWED.equals(outcome) || RenewalProcess.Outcome.RENEWED_BY_AM.equals(outcome);
        }

        /** What the customer pays after the cycle: nothing if they left or nothing was decided. */
        BigDecimal retainedValue() {
            return renewed() && newAnnualValue != null ? newAnnualValue : BigDecimal.ZERO;
        }
    }

    private final JdbcClient jdbc;

    RenewalKpis(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Renewal renewal(Period period) {
        List<Cycle> cycles = jdbc.sql("""
                SELECT annual_value, outcome, term_years, new_annual_value, churn_reason FROM renewal
                WHERE contract_end_date >= :from AND contract_end_date <= :to
                  AND (outcome IS NOT NULL OR contract_end_date < :today)""")
                .param("from", Date.valueOf(period.from())).param("to", Date.valueOf(period.to()))
                .param("today", Date.valueOf(period.today()))
                .query((row, n) -> new Cycle(row.getBigDecimal("annual_value"), row.getString("outcome"),
                        (Integer) row.getObject("term_years"), row.getBigDecimal("new_annual_value"),
                        row.getString("churn_reason")))
                .list();
        BigDecimal startingValue = cycles.stream().map(Cycle::annualValue).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal keptWithoutGrowth = cycles.stream().map(cycle -> cycle.retainedValue().min(cycle.annualValue()))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal kept = cycles.stream().map(Cycle::retainedValue).reduce(BigDecimal.ZERO, BigDecimal::add);
        Map<String, Long> churnReasons = new TreeMap<>();
        cycles.stream().filter(cycle -> RenewalProcess.Outcome.CHURNED.equals(cycle.outcome()))
                .forEach(cycle -> churnReasons.merge(Figures.reasonCode(cycle.churnReason()), 1L, Long::sum));
        List<Cycle> renewedByRenewalManager = cycles.stream()
                .filter(cycle -> RenewalProcess.Outcome.RENEWED.equals(cycle.outcome())).toList();

        return new Renewal(cycles.size(), renewedByRenewalManager.size(),
                churnReasons.values().stream().mapToLong(Long::longValue).sum(),
                cycles.stream().filter(cycle -> RenewalProcess.Outcome.RENEWED_BY_AM.equals(cycle.outcome())).count(),
                share(keptWithoutGrowth, startingValue), share(kept, startingValue), churnReasons,
                Figures.rate(renewedByRenewalManager.stream()
                        .filter(cycle -> cycle.termYears() != null && cycle.termYears() > 1).count(),
                        renewedByRenewalManager.size()));
    }

    private static Double share(BigDecimal part, BigDecimal whole) {
        return whole.signum() == 0 ? null : part.divide(whole, 4, RoundingMode.HALF_UP).doubleValue();
    }
}
