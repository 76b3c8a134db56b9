package com.customerlifecycle.kpis;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
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

    record TierFigures(long opened, long resolved, Double firstResponseSlaMet) {
    }

    /** A case opened or resolved in the period. */
    private record Case(String tier, Instant openedAt, Instant firstResponseAt, boolean firstResponseMissed,
                        Instant resolvedAt) {

        boolean firstResponseSettled() {
            return firstResponseAt != null || firstResponseMissed;
        }

        boolean firstResponseInTime() {
            return firstResponseAt != null && !firstResponseMissed;
        }
    }

    private final JdbcClient jdbc;

    SupportKpis(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Support support(Period period) {
        List<Case> cases = new ArrayList<>(cases("opened_at >= :start AND opened_at < :end", period));
        cases.addAll(cases("resolved_at >= :start AND resolved_at < :end AND NOT (opened_at >= :start AND opened_at < :end)",
                period));
        Predicate<Case> opened = supportCase -> within(supportCase.openedAt(), period);
        Predicate<Case> resolved = supportCase -> within(supportCase.resolvedAt(), period);

        Map<String, TierFigures> byTier = new LinkedHashMap<>();
        Stream.concat(SuccessProcess.TOUCH_TIERS.stream(), Stream.of(SupportProcess.TRIAL_TIER)).forEach(tier -> {
            List<Case> ofTier = cases.stream().filter(supportCase -> tier.equals(supportCase.tier())).toList();
            byTier.put(tier, new TierFigures(ofTier.stream().filter(opened).count(),
                    ofTier.stream().filter(resolved).count(), firstResponseSlaMet(ofTier, opened)));
        });
        return new Support(cases.stream().filter(opened).count(), cases.stream().filter(resolved).count(),
                firstResponseSlaMet(cases, opened), Figures.median(cases.stream().filter(resolved)
                        .map(supportCase -> Figures.hoursBetween(supportCase.openedAt(), supportCase.resolvedAt()))
                        .toList()),
                byTier);
    }

    /** Cases by one range of one index each (an OR of both ranges would read the whole table). */
    private List<Case> cases(String condition, Period period) {
        return jdbc.sql("SELECT tier, opened_at, first_response_at, first_response_missed, resolved_at FROM support_case WHERE "
                        + condition)
                .param("start", period.startTimestamp()).param("end", period.endTimestamp())
                .query((row, n) -> new Case(row.getString("tier"), SalesKpis.instant(row, "opened_at"),
                        SalesKpis.instant(row, "first_response_at"), row.getBoolean("first_response_missed"),
                        SalesKpis.instant(row, "resolved_at")))
                .list();
    }

    /** Of the cases opened in the period whose first response is due and settled, the share answered in time. */
    private static Double firstResponseSlaMet(List<Case> cases, Predicate<Case> opened) {
        List<Case> settled = cases.stream().filter(opened).filter(Case::firstResponseSettled).toList();
        return Figures.rate(settled.stream().filter(Case::firstResponseInTime).count(), settled.size());
    }

    private static boolean within(Instant moment, Period period) {
        return moment != null && !moment.isBefore(period.start()) && moment.isBefore(period.end());
    }
}
