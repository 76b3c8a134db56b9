package com.customerlifecycle.forecast;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import com.customerlifecycle.calendar.WorkingCalendar;
import com.customerlifecycle.customer.CustomerRepository;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.CatchEvent;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The coming weeks' work, read from the journeys themselves: every pending timer of a running process will create the
 * user tasks that follow it in its deployed diagram (through service tasks, decisions and gateways, up to the first
 * user task on each path), for the task's candidate group(s), in the week the timer is due. A changed diagram changes
 * the forecast with no code change. Only the next occurrence of a repeating timer is known; later cycles are not
 * counted. Also the annual value of active contracts coming to their end, per month.
 */
@Service
public class WorkloadForecast {

    public record Forecast(List<Week> weeks, List<RenewalMonth> renewalValueByMonth) {
    }

    public record Week(LocalDate weekStart, Map<String, RoleWork> byRole) {
    }

    public record RoleWork(int tasks, Map<String, Integer> kinds) {
    }

    public record RenewalMonth(String month, int contracts, BigDecimal annualValue) {
    }

    /** A user task a timer leads to: its name with the variable parts left out, and who works it. */
    record FollowingTask(String kind, List<String> roles) {
    }

    private final JdbcClient jdbc;
    private final RepositoryService repositoryService;
    private final WorkingCalendar calendar;
    private final Map<String, List<FollowingTask>> followingByTimer = new ConcurrentHashMap<>();

    WorkloadForecast(JdbcClient jdbc, RepositoryService repositoryService, WorkingCalendar calendar) {
        this.jdbc = jdbc;
        this.repositoryService = repositoryService;
        this.calendar = calendar;
    }

    public Forecast next(int weeks) {
        LocalDate firstWeek = calendar.today().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate end = firstWeek.plusWeeks(weeks);
        Map<LocalDate, Map<String, Map<String, Integer>>> work = new TreeMap<>();
        for (int week = 0; week < weeks; week++) {
            work.put(firstWeek.plusWeeks(week), new TreeMap<>());
        }
        jdbc.sql("""
                        SELECT J.PROCESS_DEF_ID_ AS definition, D.ACT_ID_ AS activity, J.DUEDATE_ AS due FROM ACT_RU_JOB J
                        JOIN ACT_RU_JOBDEF D ON D.ID_ = J.JOB_DEF_ID_
                        WHERE J.TYPE_ = 'timer' AND J.DUEDATE_ < :end AND J.PROCESS_DEF_ID_ IS NOT NULL""")
                .param("end", Timestamp.from(calendar.startOf(end).toInstant()))
                .query((row, number) -> {
                    Instant due = row.getTimestamp("due").toInstant();
                    LocalDate day = due.isBefore(ClockUtil.getCurrentTime().toInstant()) ? calendar.today()
                            : due.atZone(calendar.zone()).toLocalDate();
                    LocalDate week = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                    for (FollowingTask task : following(row.getString("definition"), row.getString("activity"))) {
                        for (String role : task.roles()) {
                            work.get(week).computeIfAbsent(role, any -> new TreeMap<>()).merge(task.kind(), 1, Integer::sum);
                        }
                    }
                    return null;
                }).list();
        List<Week> result = new ArrayList<>();
        work.forEach((week, byRole) -> {
            Map<String, RoleWork> roles = new LinkedHashMap<>();
            byRole.forEach((role, kinds) -> roles.put(role,
                    new RoleWork(kinds.values().stream().mapToInt(Integer::intValue).sum(), kinds)));
            result.add(new Week(week, roles));
        });
        return new Forecast(result, renewalValueByMonth(calendar.today(), end));
    }

    private List<RenewalMonth> renewalValueByMonth(LocalDate from, LocalDate until) {
        Map<YearMonth, RenewalMonth> months = new TreeMap<>();
        for (YearMonth month = YearMonth.from(from); !month.atDay(1).isAfter(until); month = month.plusMonths(1)) {
            months.put(month, new RenewalMonth(month.toString(), 0, BigDecimal.ZERO));
        }
        jdbc.sql("""
                        SELECT end_date, annual_value FROM contract
                        WHERE status = :active AND end_date >= :from AND end_date < :until""")
                .param("active", CustomerRepository.ACTIVE_CONTRACT).param("from", from).param("until", until)
                .query((row, number) -> {
                    YearMonth month = YearMonth.from(row.getDate("end_date").toLocalDate());
                    RenewalMonth sum = months.get(month);
                    months.put(month, new RenewalMonth(sum.month(), sum.contracts() + 1,
                            sum.annualValue().add(row.getBigDecimal("annual_value"))));
                    return null;
                }).list();
        return List.copyOf(months.values());
    }

    /** The user tasks that follow the timer in its deployed diagram, read once per process definition and timer. */
    List<FollowingTask> following(String processDefinitionId, String timerActivityId) {
        return followingByTimer.computeIfAbsent(processDefinitionId + "/" + timerActivityId, key -> {
            BpmnModelInstance model = repositoryService.getBpmnModelInstance(processDefinitionId);
            FlowNode timer = model.getModelElementById(timerActivityId);
            return timer == null ? List.of() : userTasksAfter(timer);
        });
    }

    private static List<FollowingTask> userTasksAfter(FlowNode timer) {
        List<FollowingTask> tasks = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Deque<FlowNode> next = new ArrayDeque<>();
        timer.getOutgoing().stream().map(SequenceFlow::getTarget).forEach(next::add);
        while (!next.isEmpty()) {
            FlowNode node = next.poll();
            if (!seen.add(node.getId())) {
                continue;
            }
            if (node instanceof UserTask task) {
                tasks.add(new FollowingTask(task.getName().replaceAll("\\$\\{[^}]*}", "…"),
                        task.getCamundaCandidateGroupsList()));
            } else if (!(node instanceof CatchEvent)) {
                node.getOutgoing().stream().map(SequenceFlow::getTarget).forEach(next::add);
            }
        }
        return tasks;
    }
}
