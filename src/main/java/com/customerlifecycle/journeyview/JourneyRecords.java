package com.customerlifecycle.journeyview;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What our own tables know of one customer's journey, read together for its story: the lead and its calls, the
 * opportunity, the customer and its contract versions, check-ins, support cases, e-mails, expansions and renewals.
 */
@Repository
class JourneyRecords {

    record LeadRow(String leadId, String company, String contactName, String status, String statusReason,
                   String qualifiedBy, Instant createdAt) {
    }

    record ContactAttempt(int attempt, String outcome, String contactedBy, Instant contactedAt) {
    }

    record Opportunity(String outcome, String lossReason, String closedBy, String customerId, Instant closedAt) {
    }

    record CustomerRow(String customerId, String leadId, String company, String status, String touchTier,
                       String accountManager, String csm, Integer healthScore, String healthBand, Instant createdAt) {
    }

    record ContractVersion(int version, String plan, int seats, BigDecimal annualValue, int termYears,
                           LocalDate startDate, LocalDate endDate, String status, Instant createdAt, String changedBy,
                           String changeSummary) {
    }

    record CheckIn(String csm, int healthScore, String healthBand, Instant heldAt) {
    }

    record SupportCase(String caseId, String subject, String category, String status, Instant openedAt,
                       Instant resolvedAt, Integer line, String outcome) {
    }

    record Mail(String subject, Instant sentAt) {
    }

    record Expansion(String reasons, String status, String closedBy, String outcomeNotes, Instant openedAt,
                     Instant closedAt) {
    }

    record Renewal(LocalDate contractEndDate, String outcome, Integer termYears, String decidedBy, Instant decidedAt,
                   String churnReason) {
    }

    private final JdbcClient jdbc;

    JourneyRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<LeadRow> lead(String leadId) {
        return jdbc.sql("SELECT * FROM lead WHERE id = :id").param("id", leadId)
                .query((row, n) -> new LeadRow(row.getString("id"), row.getString("company"),
                        row.getString("contact_name"), row.getString("status"), row.getString("status_reason"),
                        row.getString("qualified_by"), instant(row, "created_at")))
                .optional();
    }

    List<ContactAttempt> contactAttempts(String leadId) {
        return jdbc.sql("SELECT * FROM lead_contact_attempt WHERE lead_id = :id ORDER BY attempt").param("id", leadId)
                .query((row, n) -> new ContactAttempt(row.getInt("attempt"), row.getString("outcome"),
                        row.getString("contacted_by"), instant(row, "contacted_at")))
                .list();
    }

    Optional<Opportunity> opportunity(String leadId) {
        return jdbc.sql("SELECT * FROM opportunity WHERE lead_id = :id").param("id", leadId)
                .query((row, n) -> new Opportunity(row.getString("outcome"),
                        reason(row.getString("loss_reason"), row.getString("loss_notes")),
                        row.getString("closed_by"), row.getString("customer_id"), instant(row, "closed_at")))
                .optional();
    }

    Optional<CustomerRow> customer(String customerId) {
        return jdbc.sql("SELECT * FROM customer WHERE id = :id").param("id", customerId).query(JourneyRecords::customer).optional();
    }

    Optional<CustomerRow> customerOfLead(String leadId) {
        return jdbc.sql("SELECT * FROM customer WHERE lead_id = :id").param("id", leadId).query(JourneyRecords::customer).optional();
    }

    private static CustomerRow customer(ResultSet row, int number) throws SQLException {
        return new CustomerRow(row.getString("id"), row.getString("lead_id"), row.getString("company"),
                row.getString("status"), row.getString("touch_tier"), row.getString("account_manager"),
                row.getString("csm"), (Integer) row.getObject("health_score"), row.getString("health_band"),
                instant(row, "created_at"));
    }

    List<ContractVersion> contracts(String customerId) {
        return jdbc.sql("SELECT * FROM contract WHERE customer_id = :id ORDER BY version").param("id", customerId)
                .query((row, n) -> new ContractVersion(row.getInt("version"), row.getString("plan"), row.getInt("seats"),
                        row.getBigDecimal("annual_value"), row.getInt("term_years"),
                        row.getDate("start_date").toLocalDate(), row.getDate("end_date").toLocalDate(),
                        row.getString("status"), instant(row, "created_at"), row.getString("changed_by"),
                        row.getString("change_summary")))
                .list();
    }

    List<CheckIn> checkIns(String customerId) {
        return jdbc.sql("SELECT * FROM check_in WHERE customer_id = :id ORDER BY held_at").param("id", customerId)
                .query((row, n) -> new CheckIn(row.getString("csm"), row.getInt("health_score"),
                        row.getString("health_band"), instant(row, "held_at")))
                .list();
    }

    /** The cases of the lead and, once it is one, of the customer; newest first. */
    List<SupportCase> supportCases(String leadId, String customerId) {
        return jdbc.sql("""
                        SELECT * FROM support_case WHERE lead_id = :lead
                        UNION
                        SELECT * FROM support_case WHERE customer_id = :customer
                        ORDER BY opened_at DESC""")
                .param("lead", leadId).param("customer", customerId)
                .query((row, n) -> new SupportCase(row.getString("id"), row.getString("subject"),
                        row.getString("category"), row.getTimestamp("resolved_at") == null ? "open" : "resolved",
                        instant(row, "opened_at"), instant(row, "resolved_at"), (Integer) row.getObject("line"),
                        row.getString("outcome")))
                .list();
    }

    List<Mail> mails(String customerId) {
        return jdbc.sql("SELECT subject, sent_at FROM customer_mail WHERE customer_id = :id").param("id", customerId)
                .query((row, n) -> new Mail(row.getString("subject"), instant(row, "sent_at"))).list();
    }

    List<Expansion> expansions(String customerId) {
        return jdbc.sql("SELECT * FROM expansion WHERE customer_id = :id").param("id", customerId)
                .query((row, n) -> new Expansion(row.getString("reasons"), row.getString("status"),
                        row.getString("closed_by"), row.getString("outcome_notes"), instant(row, "opened_at"),
                        instant(row, "closed_at")))
                .list();
    }

    List<Renewal> renewals(String customerId) {
        return jdbc.sql("SELECT * FROM renewal WHERE customer_id = :id ORDER BY contract_end_date").param("id", customerId)
                .query((row, n) -> new Renewal(row.getDate("contract_end_date").toLocalDate(), row.getString("outcome"),
                        (Integer) row.getObject("term_years"), row.getString("decided_by"), instant(row, "decided_at"),
                        reason(row.getString("churn_reason"), row.getString("churn_notes"))))
                .list();
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp value = row.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    /** "price: they found a cheaper tool" — the reason chosen from the form's list and the notes beside it. */
    private static String reason(String code, String notes) {
        return code == null || notes == null ? code : code + ": " + notes;
    }
}
