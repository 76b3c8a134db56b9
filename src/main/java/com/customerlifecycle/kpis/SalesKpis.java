package com.customerlifecycle.kpis;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
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

    /** A lead signed up in the period: its first call, whether anyone reached the trial user, and if it was late. */
    private record LeadContact(Instant signedUpAt, Instant firstCallAt, boolean reached, boolean overdue) {
    }

    private record ClosedDeal(String outcome, String lossReason, String closedBy, Instant openedAt, Instant closedAt,
                              BigDecimal annualValue) {
    }

    private final JdbcClient jdbc;

    SalesKpis(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Sdr sdr(Period period) {
        List<LeadContact> leads = jdbc.sql("""
                SELECT created_at, first_called_at, reached_at, contact_overdue_at FROM lead
                WHERE created_at >= :start AND created_at < :end""")
                .param("start", period.startTimestamp()).param("end", period.endTimestamp())
                .query((row, n) -> new LeadContact(instant(row, "created_at"), instant(row, "first_called_at"),
                        row.getTimestamp("reached_at") != null, row.getTimestamp("contact_overdue_at") != null))
                .list();
        long contacted = leads.stream().filter(LeadContact::reached).count();
        List<Double> hoursToFirstCall = leads.stream().filter(lead -> lead.firstCallAt() != null)
                .map(lead -> Figures.hoursBetween(lead.signedUpAt(), lead.firstCallAt())).toList();

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
        perUser.forEach((user, counts) -> users.add(new SdrUser(user, counts[0], counts[1])));

        return new Sdr(leads.size(), contacted, Figures.rate(contacted, leads.size()),
                Figures.median(hoursToFirstCall), leads.stream().filter(LeadContact::overdue).count(), opportunities[0],
                users);
    }

    Ae ae(Period period) {
        List<ClosedDeal> deals = jdbc.sql("""
                SELECT outcome, loss_reason, closed_by, opened_at, closed_at, annual_value FROM opportunity
                WHERE closed_at >= :start AND closed_at < :end""")
                .param("start", period.startTimestamp()).param("end", period.endTimestamp())
                .query((row, n) -> new ClosedDeal(row.getString("outcome"), row.getString("loss_reason"),
                        row.getString("closed_by"), instant(row, "opened_at"), instant(row, "closed_at"),
                        row.getBigDecimal("annual_value")))
                .list();
        List<ClosedDeal> won = deals.stream().filter(SalesKpis::won).toList();
        Map<String, Long> lossReasons = new TreeMap<>();
        deals.stream().filter(deal -> !won(deal))
                .forEach(deal -> lossReasons.merge(Figures.reasonCode(deal.lossReason()), 1L, Long::sum));
        List<Double> daysToClose = deals.stream().filter(deal -> deal.openedAt() != null)
                .map(deal -> Figures.daysBetween(deal.openedAt(), deal.closedAt())).toList();

        Map<String, List<ClosedDeal>> byUser = new TreeMap<>();
        deals.stream().filter(deal -> deal.closedBy() != null)
                .forEach(deal -> byUser.computeIfAbsent(deal.closedBy(), user -> new ArrayList<>()).add(deal));
        List<AeUser> users = byUser.entrySet().stream().map(entry -> new AeUser(entry.getKey(),
                entry.getValue().stream().filter(SalesKpis::won).count(),
                entry.getValue().stream().filter(deal -> !won(deal)).count(),
                wonValue(entry.getValue()))).toList();

        return new Ae(deals.size(), won.size(), deals.size() - won.size(), Figures.rate(won.size(), deals.size()),
                Figures.median(daysToClose), wonValue(deals), lossReasons, users);
    }

    private static boolean won(ClosedDeal deal) {
        return SalesProcess.DealOutcome.WON.equals(deal.outcome());
    }

    private static BigDecimal wonValue(List<ClosedDeal> deals) {
        return Figures.money(deals.stream().filter(SalesKpis::won).map(ClosedDeal::annualValue)
                .filter(value -> value != null).reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    static Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp value = row.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
