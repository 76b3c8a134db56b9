package com.customerlifecycle.metrics;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;

import com.customerlifecycle.calendar.WorkingCalendar;
import com.customerlifecycle.customer.CustomerRepository;
import com.customerlifecycle.identity.StaffRole;
import com.customerlifecycle.journey.JourneyProcess;
import com.customerlifecycle.success.SuccessProcess;
import com.customerlifecycle.support.SupportProcess;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The journey's numbers for monitoring ({@code /actuator/prometheus}): open and overdue tasks per role, running
 * journeys per stage of the journey map (a customer in care and in a renewal counts in both), the annual value of contracts ending in the next 90 days, open support cases
 * per tier; and the engine's jobs due and open incidents. One set of queries fills all gauges and is reused for {@code clo.metrics.max-age} (default 30 s), so
 * frequent scrapes do not query the database each time.
 */
@Component
class JourneyGauges implements MeterBinder {

    /** The call activities of the journey map, as {@code stage} label values. */
    static final Map<String, String> STAGES = Map.of(
            JourneyProcess.Activities.QUALIFY_LEAD, "qualify-lead",
            JourneyProcess.Activities.SELL_SUBSCRIPTION, "sell-subscription",
            JourneyProcess.Activities.ONBOARD_CUSTOMER, "onboard-customer",
            JourneyProcess.Activities.LOOK_AFTER_CUSTOMER, "look-after-customer",
            JourneyProcess.Activities.RENEW_SUBSCRIPTION, "renew-subscription");
    static final List<String> TIERS = Stream.concat(SuccessProcess.TOUCH_TIERS.stream(),
            Stream.of(SupportProcess.TRIAL_TIER)).toList();

    record Figures(Map<String, Long> openTasks, Map<String, Long> overdueTasks, Map<String, Long> journeys,
                   BigDecimal renewalValueDue90Days, Map<String, Long> openSupportCases, long jobsDue, long openIncidents,
                   Instant readAt) {
    }

    private final JdbcClient jdbc;
    private final WorkingCalendar calendar;
    private final Duration maxAge;
    private Figures figures;

    JourneyGauges(JdbcClient jdbc, WorkingCalendar calendar, @Value("${clo.metrics.max-age:PT30S}") Duration maxAge) {
        this.jdbc = jdbc;
        this.calendar = calendar;
        this.maxAge = maxAge;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (StaffRole role : StaffRole.values()) {
            gauge(registry, "clo.tasks.open", "Open tasks whose candidate group is the role", "role", role.groupId(),
                    now -> now.openTasks().getOrDefault(role.groupId(), 0L));
            gauge(registry, "clo.tasks.overdue", "Open tasks of the role past their due date", "role", role.groupId(),
                    now -> now.overdueTasks().getOrDefault(role.groupId(), 0L));
        }
        STAGES.forEach((activity, stage) -> gauge(registry, "clo.journeys",
                "Running customer journeys at this stage of the journey map", "stage", stage,
                now -> now.journeys().getOrDefault(activity, 0L)));
        Gauge.builder("clo.renewal.value.due.90d", this, gauges -> gauges.current().renewalValueDue90Days().doubleValue())
                .description("Annual value of active contracts ending within 90 days").register(registry);
        for (String tier : TIERS) {
            gauge(registry, "clo.support.cases.open", "Support cases not yet resolved", "tier", tier,
                    now -> now.openSupportCases().getOrDefault(tier, 0L));
        }
        Gauge.builder("camunda.jobs.due", this, gauges -> gauges.current().jobsDue())
                .description("Engine jobs (timers, asynchronous steps) due and waiting for the job executor").register(registry);
        Gauge.builder("camunda.incidents.open", this, gauges -> gauges.current().openIncidents())
                .description("Open engine incidents (failed jobs out of retries)").register(registry);
    }

    private void gauge(MeterRegistry registry, String name, String description, String tag, String value,
                       ToDoubleFunction<Figures> figure) {
        Gauge.builder(name, this, gauges -> figure.applyAsDouble(gauges.current()))
                .description(description).tag(tag, value).register(registry);
    }

    /** The figures, read again once they are older than {@code clo.metrics.max-age}. */
    synchronized Figures current() {
        if (figures == null || !figures.readAt().plus(maxAge).isAfter(Instant.now())) {
            figures = read();
        }
        return figures;
    }

    private Figures read() {
        Timestamp now = Timestamp.from(ClockUtil.getCurrentTime().toInstant());
        LocalDate today = calendar.today();
        Map<String, Long> openTasks = new HashMap<>();
        Map<String, Long> overdueTasks = new HashMap<>();
        jdbc.sql("""
                        SELECT I.GROUP_ID_ AS role, COUNT(DISTINCT T.ID_) AS open_tasks,
                               COUNT(DISTINCT CASE WHEN T.DUE_DATE_ < :now THEN T.ID_ END) AS overdue_tasks
                        FROM ACT_RU_TASK T JOIN ACT_RU_IDENTITYLINK I ON I.TASK_ID_ = T.ID_ AND I.TYPE_ = 'candidate'
                        GROUP BY I.GROUP_ID_""")
                .param("now", now)
                .query((row, number) -> {
                    openTasks.put(row.getString("role"), row.getLong("open_tasks"));
                    overdueTasks.put(row.getString("role"), row.getLong("overdue_tasks"));
                    return null;
                }).list();
        return new Figures(openTasks, overdueTasks,
                counts("""
                        SELECT E.ACT_ID_ AS label, COUNT(DISTINCT E.PROC_INST_ID_) AS n FROM ACT_RU_EXECUTION E
                        JOIN ACT_RE_PROCDEF D ON D.ID_ = E.PROC_DEF_ID_
                        WHERE D.KEY_ = :journey AND E.ACT_ID_ IS NOT NULL GROUP BY E.ACT_ID_""",
                        Map.of("journey", JourneyProcess.KEY)),
                jdbc.sql("""
                                SELECT COALESCE(SUM(annual_value), 0) FROM contract
                                WHERE status = :active AND end_date >= :today AND end_date <= :until""")
                        .param("active", CustomerRepository.ACTIVE_CONTRACT).param("today", today)
                        .param("until", today.plusDays(90)).query(BigDecimal.class).single(),
                counts("SELECT tier AS label, COUNT(*) AS n FROM support_case WHERE resolved_at IS NULL GROUP BY tier",
                        Map.of()),
                jdbc.sql("""
                        SELECT COUNT(*) FROM ACT_RU_JOB WHERE RETRIES_ > 0 AND SUSPENSION_STATE_ = 1
                        AND (DUEDATE_ IS NULL OR DUEDATE_ <= :now) AND LOCK_OWNER_ IS NULL""")
                        .param("now", now).query(Long.class).single(),
                jdbc.sql("SELECT COUNT(*) FROM ACT_RU_INCIDENT").query(Long.class).single(),
                Instant.now());
    }

    private Map<String, Long> counts(String sql, Map<String, ?> params) {
        Map<String, Long> counts = new HashMap<>();
        jdbc.sql(sql).params(params).query((row, number) -> counts.put(row.getString("label"), row.getLong("n"))).list();
        return counts;
    }
}
