package com.customerlifecycle.support;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code support_case} table. */
@Repository
class SupportCaseRepository {

    record NewCase(String caseId, String externalRef, String leadId, String customerId, String category, String channel,
                   String subject, String description, String tier) {
    }

    private final JdbcClient jdbc;

    SupportCaseRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Fails with a DuplicateKeyException when the helpdesk's reference is already known. */
    void insert(NewCase newCase, Instant now) {
        jdbc.sql("""
                INSERT INTO support_case (id, external_ref, lead_id, customer_id, category, channel, subject, description,
                                          tier, opened_at, first_response_missed)
                VALUES (:id, :ref, :leadId, :customerId, :category, :channel, :subject, :description, :tier, :now, FALSE)""")
                .param("id", newCase.caseId())
                .param("ref", newCase.externalRef())
                .param("leadId", newCase.leadId())
                .param("customerId", newCase.customerId())
                .param("category", newCase.category())
                .param("channel", newCase.channel())
                .param("subject", newCase.subject())
                .param("description", newCase.description())
                .param("tier", newCase.tier())
                .param("now", Timestamp.from(now))
                .update();
    }

    void attachProcessInstance(String caseId, String processInstanceId, Date firstResponseDueAt) {
        jdbc.sql("UPDATE support_case SET process_instance_id = :pi, first_response_due_at = :due WHERE id = :id")
                .param("pi", processInstanceId)
                .param("due", firstResponseDueAt == null ? null : new Timestamp(firstResponseDueAt.getTime()))
                .param("id", caseId)
                .update();
    }

    void recordFirstResponse(String caseId, Instant now) {
        jdbc.sql("UPDATE support_case SET first_response_at = :now, line = 1 WHERE id = :id AND first_response_at IS NULL")
                .param("now", Timestamp.from(now)).param("id", caseId).update();
    }

    void markFirstResponseMissed(String caseId) {
        jdbc.sql("UPDATE support_case SET first_response_missed = TRUE WHERE id = :id").param("id", caseId).update();
    }

    /** True when this call recorded the resolution; false when a previous run already had (the mail went out then). */
    boolean resolve(String caseId, int line, String outcome, String productBugReference, Instant now) {
        return jdbc.sql("""
                UPDATE support_case SET resolved_at = :now, line = :line, outcome = :outcome,
                                        product_bug_reference = :bug, resolution_mailed_at = :now
                WHERE id = :id AND resolution_mailed_at IS NULL""")
                .param("now", Timestamp.from(now))
                .param("line", line)
                .param("outcome", outcome)
                .param("bug", productBugReference)
                .param("id", caseId)
                .update() == 1;
    }

    Optional<SupportCase> findById(String caseId) {
        return jdbc.sql("SELECT * FROM support_case WHERE id = :id").param("id", caseId).query((rs, n) -> supportCase(rs))
                .optional();
    }

    Optional<SupportCase> findByExternalRef(String externalRef) {
        return jdbc.sql("SELECT * FROM support_case WHERE external_ref = :ref").param("ref", externalRef)
                .query((rs, n) -> supportCase(rs)).optional();
    }

    List<SupportCase> findByCustomer(String customerId) {
        return jdbc.sql("SELECT * FROM support_case WHERE customer_id = :id ORDER BY opened_at DESC")
                .param("id", customerId).query((rs, n) -> supportCase(rs)).list();
    }

    private static SupportCase supportCase(ResultSet rs) throws SQLException {
        return new SupportCase(rs.getString("id"), rs.getString("external_ref"), rs.getString("lead_id"),
                rs.getString("customer_id"), rs.getString("category"), rs.getString("channel"), rs.getString("subject"),
                rs.getString("tier"), rs.getString("process_instance_id"),
                rs.getTimestamp("resolved_at") == null ? "open" : "resolved",
                instant(rs, "opened_at"), instant(rs, "first_response_due_at"), instant(rs, "first_response_at"),
                rs.getBoolean("first_response_missed"), instant(rs, "resolved_at"), (Integer) rs.getObject("line"),
                rs.getString("outcome"), rs.getString("product_bug_reference"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
