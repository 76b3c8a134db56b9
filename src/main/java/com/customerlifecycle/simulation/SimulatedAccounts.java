package com.customerlifecycle.simulation;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.customerlifecycle.customer.CustomerStatus;
import com.customerlifecycle.lead.LeadStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The accounts that can call the helpdesk or send usage signals on a simulated day, read from the application's
 * store: trial users whose trial is open and who are not customers (tier {@code trial}), and active customers by
 * touch tier. Ordered by company name, which the simulation numbers, so that the same seed picks the same accounts.
 */
final class SimulatedAccounts {

    record Account(String id, String tier) {
    }

    record Open(Map<String, List<Account>> byTier) {

        List<Account> ofTier(String tier) {
            return byTier.getOrDefault(tier, List.of());
        }

        List<Account> customers() {
            return byTier.entrySet().stream().filter(tier -> !Scenario.TRIAL.equals(tier.getKey()))
                    .flatMap(tier -> tier.getValue().stream()).toList();
        }
    }

    private final JdbcClient jdbc;

    SimulatedAccounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Open open(Instant now) {
        List<Account> trials = jdbc.sql("""
                        SELECT l.id FROM lead l
                        WHERE l.status IN (:trialStatuses) AND l.trial_ends_at > :now
                          AND NOT EXISTS (SELECT 1 FROM customer c WHERE c.lead_id = l.id)
                        ORDER BY l.company""")
                .param("trialStatuses", Stream.of(LeadStatus.NEW, LeadStatus.CONTACTING, LeadStatus.QUALIFIED)
                        .map(LeadStatus::code).toList())
                .param("now", Timestamp.from(now))
                .query((row, i) -> new Account(row.getString(1), Scenario.TRIAL)).list();
        List<Account> customers = jdbc.sql("SELECT id, touch_tier FROM customer WHERE status = :active ORDER BY company")
                .param("active", CustomerStatus.ACTIVE.code())
                .query((row, i) -> new Account(row.getString(1), row.getString(2))).list();
        Map<String, List<Account>> byTier = customers.stream()
                .collect(Collectors.groupingBy(Account::tier, LinkedHashMap::new, Collectors.toList()));
        byTier.put(Scenario.TRIAL, trials);
        return new Open(byTier);
    }

    boolean isActiveCustomer(String customerId) {
        return jdbc.sql("SELECT COUNT(*) FROM customer WHERE id = :id AND status = :active").param("id", customerId)
                .param("active", CustomerStatus.ACTIVE.code())
                .query(Long.class).single() > 0;
    }

    /** A customer's touch tier and the health band of its last check-in ({@code null} before the first). */
    record Standing(String tier, String healthBand) {
    }

    Standing standingOf(String customerId) {
        return jdbc.sql("SELECT touch_tier, health_band FROM customer WHERE id = :id").param("id", customerId)
                .query((row, i) -> new Standing(row.getString(1) == null ? "tech-touch" : row.getString(1), row.getString(2)))
                .single();
    }
}
