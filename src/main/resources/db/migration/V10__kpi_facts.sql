-- The team KPIs (GET /api/kpis) count what happened in a period; these columns keep the moments and the reasons
-- they count by, and the indexes let a year's figures be read by date range.

-- Each figure is read from one table by a date range: the moments are kept on the row they describe when they happen.

-- The lead's first call, the call that reached the trial user, and when the SDR qualified it (the opportunity opens).
ALTER TABLE lead ADD COLUMN first_called_at TIMESTAMP;
ALTER TABLE lead ADD COLUMN reached_at TIMESTAMP;
ALTER TABLE lead ADD COLUMN qualified_at TIMESTAMP;
UPDATE lead SET first_called_at = (SELECT MIN(a.contacted_at) FROM lead_contact_attempt a WHERE a.lead_id = lead.id),
                reached_at = (SELECT MIN(a.contacted_at) FROM lead_contact_attempt a
                              WHERE a.lead_id = lead.id AND a.outcome = 'reached');
UPDATE lead SET qualified_at = updated_at WHERE status = 'qualified';
-- The opportunity's opening (the qualification) and the annual value proposed: won value, or value lost.
ALTER TABLE opportunity ADD COLUMN opened_at TIMESTAMP;
ALTER TABLE opportunity ADD COLUMN annual_value DECIMAL(14, 2);
UPDATE opportunity SET opened_at = (SELECT l.qualified_at FROM lead l WHERE l.id = opportunity.lead_id),
                       annual_value = (SELECT c.annual_value FROM contract c
                                       WHERE c.customer_id = opportunity.customer_id AND c.version = 1);
-- When onboarding ended (the customer became active) and when the customer churned.
ALTER TABLE customer ADD COLUMN activated_at TIMESTAMP;
ALTER TABLE customer ADD COLUMN churned_at TIMESTAMP;
UPDATE customer SET activated_at = updated_at WHERE status = 'active';
UPDATE customer SET activated_at = created_at, churned_at = updated_at WHERE status = 'churned';
-- Loss and churn reasons are chosen from a list (counted per reason); the account executive's or renewal
-- manager's own words go to the notes. Reasons written before the list existed are counted as "other".
ALTER TABLE opportunity ADD COLUMN loss_notes VARCHAR(1000);
ALTER TABLE renewal ADD COLUMN churn_notes VARCHAR(1000);

CREATE INDEX ix_lead_created_at ON lead (created_at);
CREATE INDEX ix_lead_qualified_at ON lead (qualified_at);
CREATE INDEX ix_lead_contact_attempt_contacted_at ON lead_contact_attempt (contacted_at);
CREATE INDEX ix_customer_churned_at ON customer (churned_at);
CREATE INDEX ix_opportunity_closed_at ON opportunity (closed_at);
CREATE INDEX ix_customer_activated_at ON customer (activated_at);
CREATE INDEX ix_check_in_held_at ON check_in (held_at);
-- Each customer's last check-in before a moment (health bands at the end of a period).
CREATE INDEX ix_check_in_customer_held_at ON check_in (customer_id, held_at);
-- Tasks of one kind by due date (overdue check-ins) and by creation (rescues), in the engine's task history.
CREATE INDEX clo_idx_hi_task_def_due ON ACT_HI_TASKINST (TASK_DEF_KEY_, DUE_DATE_);
CREATE INDEX clo_idx_hi_task_def_start ON ACT_HI_TASKINST (TASK_DEF_KEY_, START_TIME_);
CREATE INDEX ix_support_case_opened_at ON support_case (opened_at);
CREATE INDEX ix_support_case_resolved_at ON support_case (resolved_at);
