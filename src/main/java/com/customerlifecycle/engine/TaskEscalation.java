package com.customerlifecycle.engine;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;

/**
 * A missed deadline made visible in Tasklist: the open task jumps to the top of its queue (priority 100) and its name
 * says why. Running it twice changes nothing more.
 */
public final class TaskEscalation {

    public static final int ESCALATED_PRIORITY = 100;
    /** What the name of a task past its due date says. */
    public static final String OVERDUE = " (overdue)";

    private TaskEscalation() {
    }

    public static void escalate(TaskService taskService, Task task, String nameSuffix) {
        task.setPriority(ESCALATED_PRIORITY);
        if (!task.getName().endsWith(nameSuffix)) {
            task.setName(task.getName() + nameSuffix);
        }
        taskService.saveTask(task);
    }
}
