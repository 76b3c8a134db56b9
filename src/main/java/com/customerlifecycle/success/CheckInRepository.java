package com.customerlifecycle.success;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code check_in} table: every CSM check-in with health and hours used. */
@Repository
class CheckInRepository {

    record CheckIn(String customerId, String csm, String quarter, int healthScore, HealthBand healthBand,
                   BigDecimal hoursUsed, String notes, boolean expansionOpportunity) {
    }

    private final JdbcClient jdbc;

    CheckInRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(CheckIn checkIn, Instant now) {
        jdbc.sql("""
                INSERT INTO check_in (id, customer_id, csm, quarter, health_score, health_band, hours_used, notes,
                                      expansion_opportunity, held_at)
                VALUES (:id, :customerId, :csm, :quarter, :score, :band, :hours, :notes, :expansion, :now)""")
                .param("id", UUID.randomUUID().toString())
                .param("customerId", checkIn.customerId())
                .param("csm", checkIn.csm())
                .param("quarter", checkIn.quarter())
                .param("score", checkIn.healthScore())
                .param("band", checkIn.healthBand().code())
                .param("hours", checkIn.hoursUsed())
                .param("notes", checkIn.notes())
                .param("expansion", checkIn.expansionOpportunity())
                .param("now", Timestamp.from(now))
                .update();
    }

    BigDecimal hoursUsed(String customerId, String quarter) {
        return jdbc.sql("SELECT COALESCE(SUM(hours_used), 0) FROM check_in WHERE customer_id = :id AND quarter = :quarter")
                .param("id", customerId)
                .param("quarter", quarter)
                .query(BigDecimal.class).single();
    }
}
