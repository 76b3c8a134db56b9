package com.customerlifecycle.lead;

import static com.customerlifecycle.lead.LeadProcess.Vars;

import com.customerlifecycle.engine.TaskEscalation;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Speed to lead missed: the waiting "Contact ..." task moves to the top of the SDR queue (highest priority, name
 * marked overdue) and the lead records when its deadline passed. Running twice changes nothing more.
 */
@Component
class EscalateOverdueContact implements JavaDelegate {

    private final LeadRepository leads;
    private final TaskService taskService;

    EscalateOverdueContact(LeadRepository leads, TaskService taskService) {
        this.leads = leads;
        this.taskService = taskService;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Task contactTask = taskService.createTaskQuery()
                .processInstanceId(execution.getProcessInstanceId())
                .taskDefinitionKey(LeadProcess.Tasks.CONTACT_TRIAL_USER)
                .singleResult();
        if (contactTask != null) {
            TaskEscalation.escalate(taskService, contactTask, TaskEscalation.OVERDUE);
        }
        leads.markContactOverdue((String) execution.getVariable(Vars.LEAD_ID), TrialSignUpService.now());
    }
}
