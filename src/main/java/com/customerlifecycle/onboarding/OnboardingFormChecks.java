package com.customerlifecycle.onboarding;

import static com.customerlifecycle.onboarding.OnboardingProcess.Vars;

import com.customerlifecycle.system.FormInput;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.springframework.stereotype.Component;

/** Server-side checks of the onboarding forms, run as each task ends ({@code ${onboardingForms.usagePlan(execution)}}). */
@Component("onboardingForms")
public class OnboardingFormChecks {

    public void welcome(DelegateExecution execution) {
        if (execution.isCanceled()) {
            return;
        }
        if (!FormInput.yesOrNo(execution, Vars.WELCOME_DONE)) {
            throw new FormFieldValidationException(Vars.WELCOME_DONE,
                    "Introduce yourself to the subscription owner before completing the welcome");
        }
    }

    public void training(DelegateExecution execution) {
        if (!execution.isCanceled()) {
            FormInput.requiredText(execution, Vars.TRAINING_NOTES);
        }
    }

    public void customization(DelegateExecution execution) {
        if (!execution.isCanceled()) {
            FormInput.requiredText(execution, Vars.CUSTOMIZATION_NOTES);
        }
    }

    public void usagePlan(DelegateExecution execution) {
        if (!execution.isCanceled()) {
            FormInput.requiredText(execution, Vars.USAGE_PLAN);
        }
    }
}
