package com.customerlifecycle.customer;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code customer} and {@code contract} tables. Runs inside the caller's (usually the engine's) transaction. */
@Repository
public class CustomerRepository {

    public static final String ACTIVE_CONTRACT = "active";
    static final String SUPERSEDED_CONTRACT = "superseded";

    private final JdbcClient jdbc;

    CustomerRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record CreatedCustomer(String customerId, String contractId) {
    }

    /**
     * The customer and its first contract for a won deal. Idempotent: a job that runs again finds what it created.
     */
    public CreatedCustomer createFromWonDeal(WonDeal deal, LocalDate startDate, Instant now) {
        String customerId = jdbc.sql("SELECT id FROM customer WHERE lead_id = :leadId")
                .param("leadId", deal.leadId()).query(String.class).optional()
                .orElseGet(() -> insertCustomer(deal, now));
        String contractId = jdbc.sql("SELECT id FROM contract WHERE customer_id = :customerId AND version = 1")
                .param("customerId", customerId).query(String.class).optional()
                .orElseGet(() -> insertFirstContract(customerId, deal, startDate, now));
        return new CreatedCustomer(customerId, contractId);
    }

    private String insertCustomer(WonDeal deal, Instant now) {
        String customerId = UUID.randomUUID().toString();
        jdbc.sql("""
                INSERT INTO customer (id, lead_id, company, subscription_owner_name, subscription_owner_email,
                                      strategic_account, status, created_at, updated_at)
                VALUES (:id, :leadId, :company, :ownerName, :ownerEmail, :strategic, :status, :now, :now)""")
                .param("id", customerId)
                .param("leadId", deal.leadId())
                .param("company", deal.company())
                .param("ownerName", deal.subscriptionOwnerName())
                .param("ownerEmail", deal.subscriptionOwnerEmail())
                .param("strategic", deal.strategicAccount())
                .param("status", CustomerStatus.ONBOARDING.code())
                .param("now", Timestamp.from(now))
                .update();
        return customerId;
    }

    private String insertFirstContract(String customerId, WonDeal deal, LocalDate startDate, Instant now) {
        String contractId = UUID.randomUUID().toString();
        jdbc.sql("""
                INSERT INTO contract (id, customer_id, version, plan, seats, annual_value, term_years, start_date,
                                      end_date, implementation_purchased, status, created_at)
                VALUES (:id, :customerId, 1, :plan, :seats, :annualValue, :termYears, :startDate, :endDate,
                        :implementation, :status, :now)""")
                .param("id", contractId)
                .param("customerId", customerId)
                .param("plan", deal.plan())
                .param("seats", deal.seats())
                .param("annualValue", deal.annualValue())
                .param("termYears", deal.termYears())
                .param("startDate", Date.valueOf(startDate))
                .param("endDate", Date.valueOf(startDate.plusYears(deal.termYears())))
                .param("implementation", deal.implementationPurchased())
                .param("status", ACTIVE_CONTRACT)
                .param("now", Timestamp.from(now))
                .update();
        return contractId;
    }

    public void assignAccountManager(String customerId, String userId, Instant now) {
        update("account_manager", userId, customerId, now);
    }

    public void assignTouchTier(String customerId, String touchTier, Instant now) {
        update("touch_tier", touchTier, customerId, now);
    }

    /** The first CSM to take the customer on stays its CSM; true when this call made {@code userId} the CSM. */
    public boolean assignCsmIfNone(String customerId, String userId, Instant now) {
        return jdbc.sql("UPDATE customer SET csm = :csm, updated_at = :now WHERE id = :id AND csm IS NULL")
                .param("csm", userId)
                .param("now", Timestamp.from(now))
                .param("id", customerId)
                .update() == 1;
    }

    public void recordHealth(String customerId, int healthScore, String healthBand, Instant now) {
        jdbc.sql("UPDATE customer SET health_score = :score, health_band = :band, updated_at = :now WHERE id = :id")
                .param("score", healthScore)
                .param("band", healthBand)
                .param("now", Timestamp.from(now))
                .param("id", customerId)
                .update();
    }

    /** The contract version in force: the active one with the highest version. */
    public Customer.Contract activeContract(String customerId) {
        return findById(customerId).orElseThrow(() -> new IllegalStateException("No customer " + customerId))
                .contracts().stream()
                .filter(contract -> ACTIVE_CONTRACT.equals(contract.status()))
                .reduce((first, second) -> second)
                .orElseThrow(() -> new IllegalStateException("Customer " + customerId + " has no active contract"));
    }

    /**
     * A new contract version replacing the active one: new plan, seats and annual value, and a later end date when the
     * term is extended. The old version stays as history (superseded). Idempotent per {@code changeRef}.
     */
    public String changeContract(String customerId, ContractChange change, String changeRef, String changedBy,
                                 LocalDate today, Instant now) {
        return newVersion(customerId, changeRef, current -> new NextVersion(change.plan(), change.seats(),
                change.annualValue(), current.termYears() + change.extendByYears(), today,
                current.endDate().plusYears(change.extendByYears()), changedBy, change.describeAgainst(current)), now);
    }

    /**
     * The next term of the active contract: starts at its end, runs {@code years} more, at the negotiated annual value.
     * The old version stays as history. Idempotent per {@code changeRef}.
     */
    public String renewContract(String customerId, int years, BigDecimal annualValue, String changeRef, String renewedBy,
                                Instant now) {
        return newVersion(customerId, changeRef, current -> new NextVersion(current.plan(), current.seats(), annualValue,
                years, current.endDate(), current.endDate().plusYears(years), renewedBy,
                "renewed for " + years + " year(s) at " + annualValue.toPlainString() + " a year"), now);
    }

    private record NextVersion(String plan, int seats, BigDecimal annualValue, int termYears, LocalDate startDate,
                               LocalDate endDate, String changedBy, String summary) {
    }

    private String newVersion(String customerId, String changeRef, Function<Customer.Contract, NextVersion> next,
                              Instant now) {
        Optional<String> done = jdbc.sql("SELECT id FROM contract WHERE change_ref = :ref")
                .param("ref", changeRef).query(String.class).optional();
        if (done.isPresent()) {
            return done.get();
        }
        Customer.Contract current = activeContract(customerId);
        NextVersion version = next.apply(current);
        String contractId = UUID.randomUUID().toString();
        jdbc.sql("UPDATE contract SET status = :superseded WHERE id = :id")
                .param("superseded", SUPERSEDED_CONTRACT).param("id", current.contractId()).update();
        jdbc.sql("""
                INSERT INTO contract (id, customer_id, version, plan, seats, annual_value, term_years, start_date,
                                      end_date, implementation_purchased, status, created_at, changed_by,
                                      change_summary, change_ref)
                VALUES (:id, :customerId, :version, :plan, :seats, :annualValue, :termYears, :startDate, :endDate,
                        :implementation, :status, :now, :changedBy, :summary, :ref)""")
                .param("id", contractId)
                .param("customerId", customerId)
                .param("version", current.version() + 1)
                .param("plan", version.plan())
                .param("seats", version.seats())
                .param("annualValue", version.annualValue())
                .param("termYears", version.termYears())
                .param("startDate", Date.valueOf(version.startDate()))
                .param("endDate", Date.valueOf(version.endDate()))
                .param("implementation", current.implementationPurchased())
                .param("status", ACTIVE_CONTRACT)
                .param("now", Timestamp.from(now))
                .param("changedBy", version.changedBy())
                .param("summary", version.summary())
                .param("ref", changeRef)
                .update();
        return contractId;
    }

    public void changeStatus(String customerId, CustomerStatus status, Instant now) {
        update("status", status.code(), customerId, now);
    }

    /** The customer leaves (customer success KPIs count customers in care by this moment). */
    public void churn(String customerId, Instant now) {
        jdbc.sql("UPDATE customer SET status = :status, churned_at = :now, updated_at = :now WHERE id = :id")
                .param("status", CustomerStatus.CHURNED.code())
                .param("now", Timestamp.from(now))
                .param("id", customerId)
                .update();
    }

    /** Onboarding is done: active from now on (onboarding KPIs count by this moment). */
    public void activate(String customerId, Instant now) {
        jdbc.sql("UPDATE customer SET status = :status, activated_at = :now, updated_at = :now WHERE id = :id")
                .param("status", CustomerStatus.ACTIVE.code())
                .param("now", Timestamp.from(now))
                .param("id", customerId)
                .update();
    }

    private void update(String column, String value, String customerId, Instant now) {
        int updated = jdbc.sql("UPDATE customer SET " + column + " = :value, updated_at = :now WHERE id = :id")
                .param("value", value)
                .param("now", Timestamp.from(now))
                .param("id", customerId)
                .update();
        if (updated != 1) {
            throw new IllegalStateException("No customer " + customerId);
        }
    }

    public Optional<Customer> findById(String customerId) {
        List<Customer.Contract> contracts = jdbc.sql("SELECT * FROM contract WHERE customer_id = :id ORDER BY version")
                .param("id", customerId)
                .query((rs, n) -> new Customer.Contract(rs.getString("id"), rs.getInt("version"), rs.getString("plan"),
                        rs.getInt("seats"), rs.getBigDecimal("annual_value"), rs.getInt("term_years"),
                        rs.getDate("start_date").toLocalDate(), rs.getDate("end_date").toLocalDate(),
                        rs.getBoolean("implementation_purchased"), rs.getString("status"), rs.getString("changed_by"),
                        rs.getString("change_summary")))
                .list();
        return jdbc.sql("SELECT * FROM customer WHERE id = :id")
                .param("id", customerId)
                .query((rs, n) -> new Customer(
                        rs.getString("id"),
                        rs.getString("lead_id"),
                        rs.getString("company"),
                        new Customer.SubscriptionOwner(rs.getString("subscription_owner_name"),
                                rs.getString("subscription_owner_email")),
                        rs.getBoolean("strategic_account"),
                        rs.getString("account_manager"),
                        rs.getString("csm"),
                        rs.getString("touch_tier"),
                        (Integer) rs.getObject("health_score"),
                        rs.getString("health_band"),
                        CustomerStatus.ofCode(rs.getString("status")),
                        rs.getTimestamp("created_at").toInstant(),
                        contracts))
                .optional();
    }
}
