-- The team KPIs (GET /api/kpis) count what happened in a period; these columns keep the moments and the reasons
-- they count by, and the indexes let a year's figures be read by date range.

-- When the SDR qualified the lead: the opportunity opens (SDR "opportunities", AE "days to close").
ALTER TABLE lead ADD COLUMN qualified_at TIMESTAMP;
UPDATE lead SET qualified_at = updated_at WHERE status = 'qualified';
-- When onboarding ended and the customer became active (onboarding "onboarded", "days won to active").
ALTER TABLE customer ADD COLUMN activated_at TIMESTAMP;
UPDATE customer SET activated_at = updated_at WHERE status = 'active';
-- Loss and churn reasons are chosen from a list (counted per reason); the account executive's or renewal
-- manager's own words go to the notes. Reasons written before the list existed are counted as "other".
ALTER TABLE opportunity ADD COLUMN loss_notes VARCHAR(1000);
ALTER TABLE renewal ADD COLUMN churn_notes VARCHAR(1000);

CREATE INDEX ix_lead_created_at ON lead (created_at);
CREATE INDEX ix_lead_qualified_at ON lead (qualified_at);
CREATE INDEX ix_lead_contact_attempt_contacted_at ON lead_contact_attempt (contacted_at);
CREATE INDEX ix_opportunity_closed_at ON opportunity (closed_at);
CREATE INDEX ix_customer_activated_at ON customer (activated_at);
CREATE INDEX ix_check_in_held_at ON check_in (held_at);
CREATE INDEX ix_support_case_opened_at ON support_case (opened_at);
CREATE INDEX ix_support_case_resolved_at ON support_case (resolved_at);
