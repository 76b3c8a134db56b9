package com.customerlifecycle.forms;

import com.customerlifecycle.display.Display;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Forms speak like a person: when a user task with a Camunda Form is created, every {@code {{xText}}} its texts show
 * gets the variable {@code x} prepared by {@link Display} (dates in the business time zone, amounts with the currency,
 * codes in words) as the task's own variable {@code xText}. A process owner writes {@code {{contractEndDateText}}} in
 * Modeler instead of {@code {{contractEndDate}}}; no code changes.
 */
@Component
public class FormDisplayValues extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(FormDisplayValues.class);

    private final DeployedForms forms;
    private final Display display;

    FormDisplayValues(DeployedForms forms, Display display) {
        this.forms = forms;
        this.display = display;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        TaskListener prepare = this::prepare;
        UserTaskParsing.forEveryUserTask(configuration, activity -> {
            TaskDefinition task = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
            task.addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, prepare);
            // again when claimed: a task created before its form showed a value prepared gets it then
            task.addBuiltInTaskListener(TaskListener.EVENTNAME_ASSIGNMENT, prepare);
        });
    }

    private void prepare(DelegateTask delegateTask) {
        TaskEntity task = (TaskEntity) delegateTask;
        CamundaForm form;
        try {
            form = forms.of(task.getTaskDefinition(), task, task.getProcessDefinition().getDeploymentId(),
                    task.getTaskDefinitionKey());
        } catch (ProcessEngineException noForm) {
            log.warn("No display values for task {}: {}", task.getTaskDefinitionKey(), noForm.getMessage());
            return;
        }
        if (form == null) {
            return;
        }
        for (String name : form.displayedVariables()) {
            task.setVariableLocal(name + "Text", display.of(name, task.getVariable(name)));
        }
    }
}
