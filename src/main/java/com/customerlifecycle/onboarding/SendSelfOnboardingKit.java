package com.customerlifecycle.onboarding;

import static com.customerlifecycle.onboarding.OnboardingProcess.Vars;

import java.util.Map;

import com.customerlifecycle.customer.CustomerMail;
import com.customerlifecycle.customer.MailTemplates;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/** Without implementation bought, the subscription owner gets the self-onboarding kit by e-mail, once. */
@Component
class SendSelfOnboardingKit implements JavaDelegate {

    private final CustomerMail mail;
    private final MailTemplates templates;

    SendSelfOnboardingKit(CustomerMail mail, MailTemplates templates) {
        this.mail = mail;
        this.templates = templates;
    }

    @Override
    public void execute(DelegateExecution execution) {
        mail.sendOnce((String) execution.getVariable(Vars.CUSTOMER_ID), OnboardingProcess.SELF_ONBOARDING_KIT_MAIL,
                templates.compose("self-onboarding-kit", (String) execution.getVariable(Vars.SUBSCRIPTION_OWNER_EMAIL),
                        (String) execution.getVariable(Vars.SUBSCRIPTION_OWNER_NAME),
                        Map.of("company", execution.getVariable(Vars.COMPANY))),
                ClockUtil.getCurrentTime().toInstant());
    }
}
