package com.customerlifecycle.identity;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** Who is acting: Tasklist and the REST API run a task's completion as the logged-in user. */
public final class CurrentUser {

    private CurrentUser() {
    }

    /** The user completing the task that led here, or {@code null} when the engine acts on its own (timers, jobs). */
    public static String of(DelegateExecution execution) {
        Authentication user = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        return user == null ? null : user.getUserId();
    }
}
