package com.customerlifecycle.kpis;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.customerlifecycle.onetomany.OneToManyProcess;
import com.customerlifecycle.success.HealthBand;
import com.customerlifecycle.success.SuccessProcess;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Onboarding and customer success: customers that went live, and how the customers in care are doing. */
@Component
class CustomerKpis {

    record Onboarding(long onboarded, Double medianDaysWonToActive, Map<String, Long> byTier) {
    }

    record Success(Map<String, Long> customersByTier, Map<String, Long> healthBands, long checkInsHeld,
                   long checkInsOverdue, long rescuesOpened, long oneToManySessions, long webinarsHeld,
                   long webinarRegistrations) {
    }

    /** Customers in care at the moment {@code :asOf}: onboarded before it, and not churned before it. */
    private static final String IN_CARE = "c.activated_at < :asOf AND (c.churned_at IS NULL OR c.churned_at >= :asOf)";

    private final JdbcClient jdbc;
    private final MedianDurations medians;

    CustomerKpis(JdbcClient jdbc, MedianDurations medians) {
        this.jdbc = jdbc;
        this.medians = medians;
    }

    Onboarding onboarding(Period period) {
        Map<String, Long> byTier = perTier();
        long[] onboarded = {0};
        jdbc.sql("""
                SELECT touch_tier, COUNT(*) AS customers FROM customer
                WHERE activated_at >= :start AND activated_at < :end GROUP BY touch_tier""")
                .param("start", period.startTimestamp()).param("end", period.endTimestamp())
                .query(row -> {
                    long customers = row.getLong("customers");
                    onboarded[0] += customers;
                    byTier.computeIfPresent(row.getString("touch_tier"), (tier, none) -> customers);
                });
        Number medianSeconds = medians.ofRowsEndingIn(period, "customer", "created_at", "activated_at");
        return new Onboarding(onboarded[0], Figures.days(medianSeconds), byTier);
    }

    Success success(Period period) {
        Map<String, Long> customersByTier = perTier();
        jdbc.sql("SELECT c.touch_tier, COUNT(*) AS customers FROM customer c WHERE " + IN_CARE + " GROUP BY c.touch_tier")
                .param("asOf", period.asOfTimestamp())
                .query(row -> {
                    long customers = row.getLong("customers");
                    customersByTier.computeIfPresent(row.getString("touch_tier"), (tier, none) -> customers);
                });
        return new Success(customersByTier, healthBands(period),
                count("SELECT COUNT(*) FROM check_in WHERE held_at >= :start AND held_at < :end", period),
                overdueCheckIns(period), rescuesOpened(period),
                count("SELECT COUNT(*) FROM one_to_many_session WHERE booked_at >= :start AND booked_at < :end", period),
                jdbc.sql("SELECT COUNT(*) FROM webinar WHERE status = :held AND starts_at >= :start AND starts_at < :end")
                        .param("held", OneToManyProcess.WEBINAR_HELD)
                        .param("start", period.startTimestamp()).param("end", period.endTimestamp())
                        .query(Long.class).single(),
                count("""
                        SELECT COUNT(*) FROM webinar_registration WHERE registered_at >= :start AND registered_at < :end""",
                        period));
    }

    /**
     * The band of each customer in care from their last check-in before the end of the period. While the period runs,
     * that is the band the customer row keeps from its last check-in; for an ended period, the check-ins are searched.
     */
    private Map<String, Long> healthBands(Period period) {
        Map<String, Long> healthBands = new LinkedHashMap<>();
        for (HealthBand band : HealthBand.values()) {
            healthBands.put(band.code(), 0L);
        }
        String sql = period.ended()
                ? """
                  SELECT latest.health_band, COUNT(*) AS customers
                  FROM (SELECT customer_id, health_band,
                               ROW_NUMBER() OVER (PARTITION BY customer_id ORDER BY held_at DESC) AS newest
                        FROM check_in WHERE held_at < :asOf) latest
                  JOIN customer c ON c.id = latest.customer_id
                  WHERE latest.newest = 1 AND\s""" + IN_CARE + " GROUP BY latest.health_band"
                : "SELECT c.health_band, COUNT(*) AS customers FROM customer c WHERE " + IN_CARE + " GROUP BY c.health_band";
        jdbc.sql(sql).param("asOf", period.asOfTimestamp())
                .query(row -> {
                    long customers = row.getLong("customers");
                    if (row.getString("health_band") != null) {
                        healthBands.computeIfPresent(row.getString("health_band"), (band, none) -> customers);
                    }
                });
        return healthBands;
    }

    /**
     * Check-in tasks whose deadline fell in the period (up to now) and that were still open when it passed: done late,
     * still waiting, or cancelled after it. From the engine's task history (kept for its history time to live).
     */
    private long overdueCheckIns(Period period) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM ACT_HI_TASKINST
                WHERE TASK_DEF_KEY_ = :task AND PROC_DEF_KEY_ = :process
                  AND DUE_DATE_ >= :start AND DUE_DATE_ < :asOf AND (END_TIME_ IS NULL OR END_TIME_ > DUE_DATE_)""")
                .param("task", SuccessProcess.Tasks.HOLD_SUCCESS_CHECK_IN).param("process", SuccessProcess.KEY)
                .param("start", period.startTimestamp()).param("asOf", period.asOfTimestamp())
                .query(Long.class).single();
    }

    /** At-risk accounts a CSM set out to rescue (after a red check-in): rescue tasks created in the period. */
    private long rescuesOpened(Period period) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM ACT_HI_TASKINST
                WHERE TASK_DEF_KEY_ = :task AND PROC_DEF_KEY_ = :process
                  AND START_TIME_ >= :start AND START_TIME_ < :end""")
                .param("task", SuccessProcess.Tasks.RESCUE_AT_RISK_ACCOUNT).param("process", SuccessProcess.KEY)
                .param("start", period.startTimestamp()).param("end", period.endTimestamp())
                .query(Long.class).single();
    }

    private long count(String sql, Period period) {
        return jdbc.sql(sql).param("start", period.startTimestamp()).param("end", period.endTimestamp())
                .query(Long.class).single();
    }

    private static Map<String, Long> perTier() {
        Map<String, Long> counts = new LinkedHashMap<>();
        SuccessProcess.TOUCH_TIERS.forEach(tier -> counts.put(tier, 0L));
        return counts;
    }
}
