package com.customerlifecycle.expansion;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code expansion} table: one open expansion per customer, closed as agreed or declined. */
@Repository
class ExpansionRepository {

    static final String OPEN = "open";
    static final String AGREED = "agreed";
    static final String DECLINED = "declined";

    record OpenExpansion(String expansionId, String reasons, String processInstanceId) {
    }

    private final JdbcClient jdbc;

    ExpansionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<OpenExpansion> findOpen(String customerId) {
        return jdbc.sql("SELECT id, reasons, process_instance_id FROM expansion WHERE open_customer_id = :customerId")
                .param("customerId", customerId)
                .query((rs, n) -> new OpenExpansion(rs.getString("id"), rs.getString("reasons"),
                        rs.getString("process_instance_id")))
                .optional();
    }

    /** Fails with a {@link org.springframework.dao.DuplicateKeyException} when the customer has an open expansion. */
    String open(String customerId, String reason, Integer seatsRequested, Instant now) {
        String expansionId = UUID.randomUUID().toString();
        jdbc.sql("""
                INSERT INTO expansion (id, customer_id, open_customer_id, reasons, seats_requested, status, opened_at)
                VALUES (:id, :customerId, :customerId, :reasons, :seats, :status, :now)""")
                .param("id", expansionId)
                .param("customerId", customerId)
                .param("reasons", reason)
                .param("seats", seatsRequested)
                .param("status", OPEN)
                .param("now", Timestamp.from(now))
                .update();
        return expansionId;
    }

    void attachProcessInstance(String expansionId, String processInstanceId) {
        jdbc.sql("UPDATE expansion SET process_instance_id = :pi WHERE id = :id")
                .param("pi", processInstanceId).param("id", expansionId).update();
    }

    void updateReasons(String expansionId, String reasons, Integer seatsRequested) {
        jdbc.sql("UPDATE expansion SET reasons = :reasons, seats_requested = COALESCE(:seats, seats_requested) WHERE id = :id")
                .param("reasons", reasons).param("seats", seatsRequested).param("id", expansionId).update();
    }

    void close(String expansionId, String status, String notes, String closedBy, Instant now) {
        jdbc.sql("""
                UPDATE expansion SET status = :status, open_customer_id = NULL, outcome_notes = :notes,
                                     closed_by = :closedBy, closed_at = :now
                WHERE id = :id""")
                .param("status", status)
                .param("notes", notes)
                .param("closedBy", closedBy)
                .param("now", Timestamp.from(now))
                .param("id", expansionId)
                .update();
    }
}
