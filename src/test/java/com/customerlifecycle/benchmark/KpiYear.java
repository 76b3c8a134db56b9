package com.customerlifecycle.benchmark;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import com.customerlifecycle.renewal.RenewalProcess;
import com.customerlifecycle.success.SuccessProcess;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A year of what the team KPIs count, written straight into the tables (as the processes would have written it) for
 * the customers already there: per customer two leads' calls, its won deal and activation, four check-ins with their
 * history tasks, two support cases and a renewal cycle that ended in the year; plus as many trial leads that did not
 * buy. Seeded, so every run reads the same year.
 */
final class KpiYear {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final int BATCH = 1_000;

    private KpiYear() {
    }

    /** Returns the number of rows written. */
    static int write(JdbcTemplate jdbc, LocalDate today) {
        Random random = new Random(42);
        Instant yearStart = today.minusDays(364).atStartOfDay(BERLIN).toInstant();
        List<Object[]> leads = new ArrayList<>();
        List<Object[]> attempts = new ArrayList<>();
        List<Object[]> opportunities = new ArrayList<>();
        List<Object[]> activations = new ArrayList<>();
        List<Object[]> checkIns = new ArrayList<>();
        List<Object[]> tasks = new ArrayList<>();
        List<Object[]> cases = new ArrayList<>();
        List<Object[]> renewals = new ArrayList<>();

        List<Object[]> customers = jdbc.query("""
                SELECT c.id, c.lead_id, k.id AS contract_id, k.annual_value FROM customer c
                JOIN contract k ON k.customer_id = c.id AND k.version = 1""",
                (row, n) -> new Object[] {row.getString("id"), row.getString("lead_id"), row.getString("contract_id"),
                        row.getBigDecimal("annual_value")});
        for (Object[] customer : customers) {
            String customerId = (String) customer[0];
            String leadId = (String) customer[1];
            Instant signedUp = yearStart.plus(random.nextInt(300), ChronoUnit.DAYS).plus(random.nextInt(600), ChronoUnit.MINUTES);
            Instant qualified = signedUp.plus(1 + random.nextInt(48), ChronoUnit.HOURS);
            Instant won = qualified.plus(3 + random.nextInt(30), ChronoUnit.DAYS);
            Instant active = won.plus(1 + random.nextInt(20), ChronoUnit.DAYS);
            Timestamp called = Timestamp.from(signedUp.plus(1, ChronoUnit.HOURS));
            jdbc.update("""
                    UPDATE lead SET created_at = ?, first_called_at = ?, reached_at = ?, status = 'qualified',
                                    qualified_by = 'sara', qualified_at = ? WHERE id = ?""",
                    Timestamp.from(signedUp), called, called, Timestamp.from(qualified), leadId);
            attempts.add(new Object[] {leadId, 1, "reached", "sara", called});
            opportunities.add(new Object[] {leadId, "won", customer[3], null, "alex", customerId, Timestamp.from(qualified),
                    Timestamp.from(won)});
            activations.add(new Object[] {Timestamp.from(won), Timestamp.from(active), customerId});
            for (int quarter = 0; quarter < 4; quarter++) {
                Instant due = yearStart.plus(quarter * 91L + 1 + random.nextInt(80), ChronoUnit.DAYS);
                Instant held = due.plus(random.nextInt(10) < 8 ? -2 : 3, ChronoUnit.HOURS);
                int score = 30 + random.nextInt(70);
                checkIns.add(new Object[] {UUID.randomUUID().toString(), customerId, "chris", "Q" + quarter, score,
                        score <= 50 ? "red" : score <= 75 ? "yellow" : "green", Timestamp.from(held)});
                tasks.add(new Object[] {UUID.randomUUID().toString(), SuccessProcess.Tasks.HOLD_SUCCESS_CHECK_IN,
                        SuccessProcess.KEY, Timestamp.from(due.minus(1, ChronoUnit.DAYS)), Timestamp.from(held),
                        Timestamp.from(due)});
                if (score <= 50) {
                    tasks.add(new Object[] {UUID.randomUUID().toString(), SuccessProcess.Tasks.RESCUE_AT_RISK_ACCOUNT,
                            SuccessProcess.KEY, Timestamp.from(held), null, Timestamp.from(held.plus(5, ChronoUnit.DAYS))});
                }
            }
            for (int supportCase = 0; supportCase < 2; supportCase++) {
                Instant opened = yearStart.plus(random.nextInt(360), ChronoUnit.DAYS);
                boolean missed = random.nextInt(10) == 0;
                cases.add(new Object[] {UUID.randomUUID().toString(), customerId, "question", "email", "Case", "Help",
                        "low-touch", Timestamp.from(opened), Timestamp.from(opened.plus(missed ? 30 : 2, ChronoUnit.HOURS)),
                        missed, Timestamp.from(opened.plus(2 + random.nextInt(70), ChronoUnit.HOURS))});
            }
            LocalDate ended = today.minusDays(1 + random.nextInt(360));
            int outcome = random.nextInt(10);
            BigDecimal value = (BigDecimal) customer[3];
            renewals.add(new Object[] {UUID.randomUUID().toString(), customerId, customer[2], Date.valueOf(ended), value,
                    outcome < 7 ? RenewalProcess.Outcome.RENEWED : outcome < 8 ? RenewalProcess.Outcome.RENEWED_BY_AM
                            : RenewalProcess.Outcome.CHURNED,
                    outcome < 7 ? 1 + random.nextInt(3) : null,
                    outcome < 8 ? value.multiply(BigDecimal.valueOf(0.9 + random.nextInt(30) / 100.0)) : null,
                    outcome < 8 ? null : "price", Timestamp.from(ended.minusDays(30).atStartOfDay(BERLIN).toInstant()),
                    Timestamp.from(ended.minusYears(1).atStartOfDay(BERLIN).toInstant())});
        }
        for (int lead = 0; lead < customers.size(); lead++) {
            String leadId = UUID.randomUUID().toString();
            Instant signedUp = yearStart.plus(random.nextInt(364), ChronoUnit.DAYS).plus(random.nextInt(600), ChronoUnit.MINUTES);
            boolean reached = random.nextBoolean();
            Timestamp firstCall = Timestamp.from(signedUp.plus(20, ChronoUnit.HOURS));
            Timestamp secondCall = Timestamp.from(signedUp.plus(40, ChronoUnit.HOURS));
            leads.add(new Object[] {leadId, "Lead " + lead, "lead-" + leadId + "@example.com",
                    Timestamp.from(signedUp.plus(30, ChronoUnit.DAYS)), Timestamp.from(signedUp), Timestamp.from(signedUp),
                    random.nextInt(5) == 0 ? Timestamp.from(signedUp) : null, firstCall, reached ? secondCall : null});
            attempts.add(new Object[] {leadId, 1, "no-answer", "sara", firstCall});
            attempts.add(new Object[] {leadId, 2, reached ? "reached" : "no-answer", "sara", secondCall});
        }

        batch(jdbc, """
                INSERT INTO lead (id, company, contact_name, email, employees, trial_ends_at, status, created_at, updated_at,
                                  contact_overdue_at, first_called_at, reached_at)
                VALUES (?, ?, 'Jo Buyer', ?, 20, ?, 'unresponsive', ?, ?, ?, ?, ?)""", leads);
        batch(jdbc, """
                INSERT INTO lead_contact_attempt (lead_id, attempt, outcome, contacted_by, contacted_at)
                VALUES (?, ?, ?, ?, ?)""", attempts);
        batch(jdbc, """
                INSERT INTO opportunity (lead_id, outcome, annual_value, loss_reason, closed_by, customer_id, opened_at,
                                         closed_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", opportunities);
        batch(jdbc, "UPDATE customer SET created_at = ?, activated_at = ? WHERE id = ?", activations);
        batch(jdbc, """
                INSERT INTO check_in (id, customer_id, csm, quarter, health_score, health_band, notes,
                                      expansion_opportunity, held_at)
                VALUES (?, ?, ?, ?, ?, ?, 'Call', FALSE, ?)""", checkIns);
        batch(jdbc, """
                INSERT INTO ACT_HI_TASKINST (ID_, TASK_DEF_KEY_, PROC_DEF_KEY_, START_TIME_, END_TIME_, DUE_DATE_)
                VALUES (?, ?, ?, ?, ?, ?)""", tasks);
        batch(jdbc, """
                INSERT INTO support_case (id, customer_id, category, channel, subject, description, tier, opened_at,
                                          first_response_at, first_response_missed, resolved_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", cases);
        batch(jdbc, """
                INSERT INTO renewal (process_instance_id, customer_id, contract_id, contract_end_date, annual_value, outcome,
                                     term_years, new_annual_value, churn_reason, decided_at, started_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", renewals);
        return leads.size() + attempts.size() + opportunities.size() + checkIns.size() + tasks.size() + cases.size()
                + renewals.size();
    }

    private static void batch(JdbcTemplate jdbc, String sql, List<Object[]> rows) {
        for (int from = 0; from < rows.size(); from += BATCH) {
            jdbc.batchUpdate(sql, rows.subList(from, Math.min(rows.size(), from + BATCH)));
        }
    }
}
