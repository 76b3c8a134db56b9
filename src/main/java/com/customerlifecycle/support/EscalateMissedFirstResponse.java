package com.customerlifecycle.support;

import static com.customerlifecycle.support.SupportProcess.Vars;

import com.customerlifecycle.engine.TaskEscalation;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * The first-response deadline passed: the waiting line-1 task goes to the top of the support queue (priority 100,
 * name marked "SLA missed") where the support lead sees it, and the case records the breach.
 */
@Component
class EscalateMissedFirstResponse implements JavaDelegate {

    static final String SLA_MISSED_SUFFIX = " (SLA missed)";

    private final SupportCaseRepository cases;
    private final TaskService taskService;

    EscalateMissedFirstResponse(SupportCaseRepository cases, TaskService taskService) {
        this.cases = cases;
        this.taskService = taskService;
    }

    @Override
    public void execute(DelegateExecution execution) {
        for (Task task : taskService.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
                .taskDefinitionKeyIn(SupportProcess.Tasks.TRIAGE_SUPPORT_CASE, SupportProcess.Tasks.RESOLVE_PAYMENT_QUESTION)
                .list()) {
            TaskEscalation.escalate(taskService, task, SLA_MISSED_SUFFIX);
        }
        cases.markFirstResponseMissed((String) execution.getVariable(Vars.CASE_ID));
    }
}
