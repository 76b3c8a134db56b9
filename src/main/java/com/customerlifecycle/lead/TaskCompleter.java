package com.customerlifecycle.lead;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** Who completes a task: its assignee (Tasklist makes you claim first), else the user calling the API. */
final class TaskCompleter {

    private TaskCompleter() {
    }

    static String of(DelegateTask task) {
        if (task.getAssignee() != null) {
            return task.getAssignee();
        }
        Authentication caller = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        return caller == null ? null : caller.getUserId();
    }
}
