package com.customerlifecycle.engine;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.springframework.stereotype.Component;

/**
 * After a task's deadline timer ({@code ${escalateOverdueTask}}, the service task a non-interrupting timer boundary
 * event leads to): the open task the timer is attached to (each, should there be several) moves to the top of its
 * queue, its name marked "(overdue)" ({@link TaskEscalation}). Which task is read from the diagram, so every process
 * draws it the same way.
 */
@Component
class EscalateOverdueTask implements JavaDelegate {

    private final TaskService taskService;

    EscalateOverdueTask(TaskService taskService) {
        this.taskService = taskService;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String overdueActivity = overdueActivityOf((FlowNode) execution.getBpmnModelElementInstance());
        for (Task overdue : taskService.createTaskQuery()
                .processInstanceId(execution.getProcessInstanceId())
                .taskDefinitionKey(overdueActivity)
                .list()) {
            TaskEscalation.escalate(taskService, overdue, TaskEscalation.OVERDUE);
        }
    }

    private static String overdueActivityOf(FlowNode escalation) {
        return escalation.getPreviousNodes().list().stream()
                .filter(BoundaryEvent.class::isInstance)
                .map(node -> ((BoundaryEvent) node).getAttachedTo().getId())
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(escalation.getId() + " does not follow a boundary timer"));
    }
}
