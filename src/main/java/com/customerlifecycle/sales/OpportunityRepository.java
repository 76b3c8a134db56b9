package com.customerlifecycle.sales;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code opportunity} table: how each qualified lead's opportunity closed. Other stages ask here
 * ({@link #findClosed}) rather than reading the table.
 */
@Repository
public class OpportunityRepository {

    private final JdbcClient jdbc;

    OpportunityRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** How a lead's opportunity closed; {@code customerId} once won. */
    public record ClosedOpportunity(String outcome, String lossReason, String closedBy, String customerId) {
    }

    /** Empty while the lead's opportunity is open, or when the lead never became one. */
    public Optional<ClosedOpportunity> findClosed(String leadId) {
        return jdbc.sql("SELECT outcome, loss_reason, closed_by, customer_id FROM opportunity WHERE lead_id = :leadId")
                .param("leadId", leadId)
                .query((rs, n) -> new ClosedOpportunity(rs.getString("outcome"), rs.getString("loss_reason"),
                        rs.getString("closed_by"), rs.getString("customer_id")))
                .optional();
    }

    /** Idempotent: a second call for the same lead changes nothing. */
    void recordClosed(String leadId, String outcome, BigDecimal annualValue, String lossReason, String lossNotes,
                      String closedBy, String customerId, Instant now) {
        boolean recorded = jdbc.sql("SELECT COUNT(*) FROM opportunity WHERE lead_id = :leadId")
                .param("leadId", leadId).query(Integer.class).single() > 0;
        if (recorded) {
            return;
        }
        jdbc.sql("""
                INSERT INTO opportunity (lead_id, outcome, annual_value, loss_reason, loss_notes, closed_by, customer_id, opened_at,
                                         closed_at)
                VALUES (:leadId, :outcome, :annualValue, :lossReason, :lossNotes, :closedBy, :customerId,
                        (SELECT qualified_at FROM lead WHERE id = :leadId), :now)""")
                .param("leadId", leadId)
                .param("outcome", outcome)
                .param("annualValue", annualValue)
                .param("lossReason", lossReason)
                .param("lossNotes", lossNotes)
                .param("closedBy", closedBy)
                .param("customerId", customerId)
                .param("now", Timestamp.from(now))
                .update();
    }
}
