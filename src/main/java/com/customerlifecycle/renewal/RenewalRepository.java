package com.customerlifecycle.renewal;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code renewal} table: one row per renewal cycle, with how it ended. */
@Repository
class RenewalRepository {

    record Renewal(String processInstanceId, String customerId, String company, String subscriptionOwner,
                   LocalDate contractEndDate, BigDecimal annualValue, String outcome, Integer termYears,
                   BigDecimal newAnnualValue, String decidedBy) {
    }

    private final JdbcClient jdbc;

    RenewalRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Idempotent per process instance. */
    void start(String processInstanceId, String customerId, String contractId, LocalDate endDate, BigDecimal annualValue,
               Instant now) {
        boolean started = jdbc.sql("SELECT COUNT(*) FROM renewal WHERE process_instance_id = :pi")
                .param("pi", processInstanceId).query(Integer.class).single() > 0;
        if (!started) {
            jdbc.sql("""
                    INSERT INTO renewal (process_instance_id, customer_id, contract_id, contract_end_date, annual_value,
                                         started_at)
                    VALUES (:pi, :customerId, :contractId, :endDate, :value, :now)""")
                    .param("pi", processInstanceId)
                    .param("customerId", customerId)
                    .param("contractId", contractId)
                    .param("endDate", Date.valueOf(endDate))
                    .param("value", annualValue)
                    .param("now", Timestamp.from(now))
                    .update();
        }
    }

    void decide(String processInstanceId, String outcome, Integer termYears, Integer discountPercent,
                BigDecimal newAnnualValue, String newContractId, String churnReason, String churnNotes, String decidedBy,
                Instant now) {
        jdbc.sql("""
                UPDATE renewal SET outcome = :outcome, term_years = :years, discount_percent = :discount,
                                   new_annual_value = :value, new_contract_id = :contract, churn_reason = :reason,
                                   churn_notes = :notes,
                                   decided_by = :by, decided_at = :now
                WHERE process_instance_id = :pi""")
                .param("outcome", outcome)
                .param("years", termYears)
                .param("discount", discountPercent)
                .param("value", newAnnualValue)
                .param("contract", newContractId)
                .param("reason", churnReason)
                .param("notes", churnNotes)
                .param("by", decidedBy)
                .param("now", Timestamp.from(now))
                .param("pi", processInstanceId)
                .update();
    }

    /** Renewals of contracts ending from {@code from} up to {@code until}, earliest first. */
    List<Renewal> endingBetween(LocalDate from, LocalDate until) {
        return jdbc.sql("""
                SELECT r.*, c.company, c.subscription_owner_name FROM renewal r JOIN customer c ON c.id = r.customer_id
                WHERE r.contract_end_date >= :from AND r.contract_end_date <= :until
                ORDER BY r.contract_end_date, c.company""")
                .param("from", Date.valueOf(from))
                .param("until", Date.valueOf(until))
                .query((rs, n) -> new Renewal(rs.getString("process_instance_id"), rs.getString("customer_id"),
                        rs.getString("company"), rs.getString("subscription_owner_name"),
                        rs.getDate("contract_end_date").toLocalDate(), rs.getBigDecimal("annual_value"),
                        rs.getString("outcome"), (Integer) rs.getObject("term_years"), rs.getBigDecimal("new_annual_value"),
                        rs.getString("decided_by")))
                .list();
    }
}
