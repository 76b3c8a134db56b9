package com.customerlifecycle.onboarding;

import static com.customerlifecycle.onboarding.OnboardingProcess.Vars;

import com.customerlifecycle.system.FormInput;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.springframework.stereotype.Component;

/** Server-side checks of the onboarding forms, run as each user task ends (end listener {@code ${onboardingFormCheck}}). */
@Component("onboardingFormCheck")
class OnboardingFormCheck implements ExecutionListener {

    @Override
    public void notify(DelegateExecution execution) {
        if (execution.isCanceled()) {
            return;
        }
        switch (execution.getCurrentActivityId()) {
            case OnboardingProcess.Tasks.WELCOME_CUSTOMER -> welcome(execution);
            case OnboardingProcess.Tasks.RUN_PRODUCT_TRAINING -> FormInput.requiredText(execution, Vars.TRAINING_NOTES);
            case OnboardingProcess.Tasks.CUSTOMIZE_PRODUCT -> FormInput.requiredText(execution, Vars.CUSTOMIZATION_NOTES);
            case OnboardingProcess.Tasks.AGREE_INITIAL_USAGE_PLAN -> FormInput.requiredText(execution, Vars.USAGE_PLAN);
            default -> throw new IllegalStateException("No form check for " + execution.getCurrentActivityId());
        }
    }

    private static void welcome(DelegateExecution execution) {
        if (!FormInput.yesOrNo(execution, Vars.WELCOME_DONE)) {
            throw new FormFieldValidationException(Vars.WELCOME_DONE,
                    "Introduce yourself to the subscription owner before completing the welcome");
        }
    }
}
