-- The journey of one customer (GET /api/customers/{id}/journey) reads each of these by customer or lead.
CREATE INDEX ix_support_case_lead ON support_case (lead_id);
CREATE INDEX ix_expansion_customer ON expansion (customer_id);
CREATE INDEX ix_renewal_customer ON renewal (customer_id);
