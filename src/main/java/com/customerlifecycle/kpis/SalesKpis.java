package com.customerlifecycle.kpis;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.customerlifecycle.sales.SalesProcess;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The SDRs' and account executives' figures, from the lead, call and opportunity records. */
@Component
class SalesKpis {

    record Sdr(long leads, long contacted, Double reachRate, Double medianHoursToFirstContact,
               long overdueFirstContacts, long opportunities, List<SdrUser> perUser) {
    }

    record SdrUser(String user, long calls, long opportunities) {
    }

    record Ae(long opportunitiesClosed, long won, long lost, Double winRate, Double medianDaysToClose,
              BigDecimal wonAnnualValue, Map<String, Long> lossReasons, List<AeUser> perUser) {
    }

    record AeUser(String user, long won, long lost, BigDecimal wonAnnualValue) {
    }

    private final JdbcClient jdbc;
    private final MedianDurations medians;

    SalesKpis(JdbcClient jdbc, MedianDurations medians) {
        this.jdbc = jdbc;
        this.medians = medians;
    }

    Sdr sdr(Period period) {
        long[] counts = new long[3];
        Number[] medianSeconds = new Number[1];
        jdbc.sql("SELECT COUNT(*) AS leads, COUNT(reached_at) AS contacted, COUNT(contact_overdue_at) AS overdue, "
                        + medians.seconds("created_at", "first_called_at") + " AS median_seconds "
                        + "FROM lead WHERE created_at >= :start AND created_at < :end")
                .param("start", period.startTimestamp()).param("end", period.endTimestamp())
                .query(row -> {
                    counts[0] = row.getLong("leads");
                    counts[1] = row.getLong("contacted");
                    counts[2] = row.getLong("overdue");
                    medianSeconds[0] = (Number) row.getObject("median_seconds");
                });

        Map<String, long[]> perUser = new TreeMap<>();
        jdbc.sql("""
                SELECT contacted_by AS sdr, COUNT(*) AS calls FROM lead_contact_attempt
                WHERE contacted_at >= :start AND contacted_at < :end AND contacted_by IS NOT NULL
                GROUP BY contacted_by""")
                .param("start", period.startTimestamp()).param("end", period.endTimestamp())
                .query(row -> {
                    perUser.computeIfAbsent(row.getString("sdr"), user -> new long[2])[0] = row.getLong("calls");
                });
        long[] opportunities = {0};
        jdbc.sql("""
                SELECT qualified_by AS sdr, COUNT(*) AS opportunities FROM lead
                WHERE qualified_at >= :start AND qualified_at < :end
                GROUP BY qualified_by""")
                .param("start", period.startTimestamp()).param("end", period.endTimestamp())
                .query(row -> {
                    opportunities[0] += row.getLong("opportunities");
                    if (row.getString("sdr") != null) {
                        perUser.computeIfAbsent(row.getString("sdr"), user -> new long[2])[1] = row.getLong("opportunities");
                    }
                });
        List<SdrUser> users = new ArrayList<>();
        perUser.forEach((user, userCounts) -> users.add(new SdrUser(user, userCounts[0], userCounts[1])));

        return new Sdr(counts[0], counts[1], Figures.rate(counts[1], counts[0]), Figures.hours(medianSeconds[0]),
                counts[2], opportunities[0], users);
    }

    Ae ae(Period period) {
        long[] won = {0};
        long[] lost = {0};
        BigDecimal[] wonValue = {BigDecimal.ZERO};
        Map<String, Long> lossReasons = new TreeMap<>();
        Map<String, AeUser> perUser = new TreeMap<>();
        jdbc.sql("""
                SELECT closed_by, outcome, loss_reason, COUNT(*) AS deals, SUM(annual_value) AS annual_value
                FROM opportunity WHERE closed_at >= :start AND closed_at < :end
                GROUP BY closed_by, outcome, loss_reason""")
                .param("start", period.startTimestamp()).param("end", period.endTimestamp())
                .query(row -> {
                    long deals = row.getLong("deals");
                    boolean dealsWon = SalesProcess.DealOutcome.WON.equals(row.getString("outcome"));
                    BigDecimal value = dealsWon ? Figures.money(row.getBigDecimal("annual_value")) : BigDecimal.ZERO;
                    if (dealsWon) {
                        won[0] += deals;
                        wonValue[0] = wonValue[0].add(value);
                    } else {
                        lost[0] += deals;
                        lossReasons.merge(Figures.reasonCode(row.getString("loss_reason")), deals, Long::sum);
                    }
                    if (row.getString("closed_by") != null) {
                        perUser.merge(row.getString("closed_by"), new AeUser(row.getString("closed_by"),
                                dealsWon ? deals : 0, dealsWon ? 0 : deals, value), SalesKpis::add);
                    }
                });
        Number medianSeconds = medians.ofRowsEndingIn(period, "opportunity", "opened_at", "closed_at");

        return new Ae(won[0] + lost[0], won[0], lost[0], Figures.rate(won[0], won[0] + lost[0]),
                Figures.days(medianSeconds), Figures.money(wonValue[0]), lossReasons, List.copyOf(perUser.values()));
    }

    private static AeUser add(AeUser one, AeUser other) {
        return new AeUser(one.user(), one.won() + other.won(), one.lost() + other.lost(),
                one.wonAnnualValue().add(other.wonAnnualValue()));
    }
}
