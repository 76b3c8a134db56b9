package com.customerlifecycle.lead;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.customerlifecycle.sales.OpportunityRepository;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code lead} and {@code lead_contact_attempt} tables; how the opportunity closed comes from sales. Runs inside
 * the caller's (often the engine's) transaction.
 */
@Repository
class LeadRepository {

    private final JdbcClient jdbc;
    private final OpportunityRepository opportunities;

    LeadRepository(JdbcClient jdbc, OpportunityRepository opportunities) {
        this.jdbc = jdbc;
        this.opportunities = opportunities;
    }

    /** Fails with a {@link org.springframework.dao.DuplicateKeyException} when the e-mail already has an open trial. */
    void insert(String leadId, TrialSignUp signUp, Instant trialEndsAt, Instant now) {
        jdbc.sql("""
                INSERT INTO lead (id, company, contact_name, email, open_trial_email, phone, employees,
                                  trial_ends_at, status, created_at, updated_at)
                VALUES (:id, :company, :contactName, :email, :openTrialEmail, :phone, :employees,
                        :trialEndsAt, :status, :now, :now)""")
                .param("id", leadId)
                .param("company", signUp.company().trim())
                .param("contactName", signUp.contactName().trim())
                .param("email", signUp.email().trim())
                .param("openTrialEmail", signUp.normalizedEmail())
                .param("phone", signUp.phone())
                .param("employees", signUp.employees())
                .param("trialEndsAt", Timestamp.from(trialEndsAt))
                .param("status", LeadStatus.NEW.code())
                .param("now", Timestamp.from(now))
                .update();
    }

    void attachProcessInstance(String leadId, String processInstanceId) {
        jdbc.sql("UPDATE lead SET process_instance_id = :pi WHERE id = :id")
                .param("pi", processInstanceId)
                .param("id", leadId)
                .update();
    }

    /** Frees the e-mail of a trial whose end date has passed, so that it may sign up again. */
    void releaseEndedTrial(String normalizedEmail, Instant now) {
        jdbc.sql("UPDATE lead SET open_trial_email = NULL WHERE open_trial_email = :email AND trial_ends_at <= :now")
                .param("email", normalizedEmail)
                .param("now", Timestamp.from(now))
                .update();
    }

    Optional<String> findOpenTrial(String normalizedEmail, Instant now) {
        return jdbc.sql("SELECT id FROM lead WHERE open_trial_email = :email AND trial_ends_at > :now")
                .param("email", normalizedEmail)
                .param("now", Timestamp.from(now))
                .query(String.class)
                .optional();
    }

    void updateStatus(String leadId, LeadStatus status, String reason, Instant now) {
        jdbc.sql("UPDATE lead SET status = :status, status_reason = :reason, updated_at = :now WHERE id = :id")
                .param("status", status.code())
                .param("reason", reason)
                .param("now", Timestamp.from(now))
                .param("id", leadId)
                .update();
    }

    void markQualified(String leadId, String qualifiedBy, Instant now) {
        jdbc.sql("""
                UPDATE lead SET status = :status, status_reason = NULL, qualified_by = :by, qualified_at = :now,
                                updated_at = :now
                WHERE id = :id""")
                .param("status", LeadStatus.QUALIFIED.code())
                .param("by", qualifiedBy)
                .param("now", Timestamp.from(now))
                .param("id", leadId)
                .update();
    }

    void markExpired(String leadId, Instant now) {
        jdbc.sql("""
                UPDATE lead SET status = :status, status_reason = NULL, open_trial_email = NULL, updated_at = :now
                WHERE id = :id""")
                .param("status", LeadStatus.EXPIRED.code())
                .param("now", Timestamp.from(now))
                .param("id", leadId)
                .update();
    }

    void markContactOverdue(String leadId, Instant now) {
        jdbc.sql("UPDATE lead SET contact_overdue_at = :now, updated_at = :now WHERE id = :id AND contact_overdue_at IS NULL")
                .param("now", Timestamp.from(now))
                .param("id", leadId)
                .update();
    }

    /** Records a call; the first one moves a new lead to {@code contacting}. Idempotent per attempt number. */
    void recordContactAttempt(String leadId, Lead.ContactAttempt attempt) {
        boolean recorded = jdbc.sql("SELECT COUNT(*) FROM lead_contact_attempt WHERE lead_id = :id AND attempt = :attempt")
                .param("id", leadId)
                .param("attempt", attempt.attempt())
                .query(Integer.class)
                .single() > 0;
        if (!recorded) {
            jdbc.sql("""
                    INSERT INTO lead_contact_attempt (lead_id, attempt, outcome, contacted_by, notes, contacted_at)
                    VALUES (:id, :attempt, :outcome, :by, :notes, :at)""")
                    .param("id", leadId)
                    .param("attempt", attempt.attempt())
                    .param("outcome", attempt.outcome())
                    .param("by", attempt.contactedBy())
                    .param("notes", attempt.notes())
                    .param("at", Timestamp.from(attempt.contactedAt()))
                    .update();
        }
        jdbc.sql("""
                UPDATE lead SET first_called_at = COALESCE(first_called_at, :at),
                                reached_at = CASE WHEN :outcome = :reached THEN COALESCE(reached_at, :at) ELSE reached_at END
                WHERE id = :id""")
                .param("at", Timestamp.from(attempt.contactedAt()))
                .param("outcome", attempt.outcome())
                .param("reached", LeadProcess.ContactOutcome.REACHED)
                .param("id", leadId)
                .update();
        jdbc.sql("UPDATE lead SET status = :contacting, updated_at = :now WHERE id = :id AND status = :new")
                .param("contacting", LeadStatus.CONTACTING.code())
                .param("new", LeadStatus.NEW.code())
                .param("now", Timestamp.from(attempt.contactedAt()))
                .param("id", leadId)
                .update();
    }

    Optional<Lead> findById(String leadId) {
        List<Lead.ContactAttempt> attempts = jdbc.sql("""
                SELECT attempt, outcome, contacted_by, notes, contacted_at FROM lead_contact_attempt
                WHERE lead_id = :id ORDER BY attempt""")
                .param("id", leadId)
                .query((rs, n) -> new Lead.ContactAttempt(rs.getInt("attempt"), rs.getString("outcome"),
                        rs.getString("contacted_by"), rs.getString("notes"), instant(rs, "contacted_at")))
                .list();
        Lead.Opportunity opportunity = opportunities.findClosed(leadId)
                .map(closed -> new Lead.Opportunity(closed.outcome(), closed.lossReason(), closed.closedBy(),
                        closed.customerId()))
                .orElse(null);
        return jdbc.sql("SELECT * FROM lead WHERE id = :id")
                .param("id", leadId)
                .query((rs, n) -> new Lead(
                        rs.getString("id"),
                        rs.getString("process_instance_id"),
                        rs.getString("company"),
                        rs.getString("contact_name"),
                        rs.getString("email"),
                        rs.getString("phone"),
                        (Integer) rs.getObject("employees"),
                        instant(rs, "trial_ends_at"),
                        LeadStatus.ofCode(rs.getString("status")),
                        rs.getString("status_reason"),
                        rs.getString("qualified_by"),
                        instant(rs, "created_at"),
                        attempts,
                        opportunity))
                .optional();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
