package com.customerlifecycle.onboarding;

import static com.customerlifecycle.onboarding.OnboardingProcess.Vars;

import com.customerlifecycle.customer.CustomerMail;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/** Without implementation bought, the subscription owner gets the self-onboarding kit by e-mail, once. */
@Component
class SendSelfOnboardingKit implements JavaDelegate {

    private final CustomerMail mail;

    SendSelfOnboardingKit(CustomerMail mail) {
        this.mail = mail;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String owner = (String) execution.getVariable(Vars.SUBSCRIPTION_OWNER_NAME);
        String company = (String) execution.getVariable(Vars.COMPANY);
        mail.sendOnce((String) execution.getVariable(Vars.CUSTOMER_ID), OnboardingProcess.SELF_ONBOARDING_KIT_MAIL,
                new CustomerMail.Mail((String) execution.getVariable(Vars.SUBSCRIPTION_OWNER_EMAIL),
                        "Your self-onboarding kit for " + company,
                        """
                        Hello %s,

                        welcome aboard! Everything %s needs to get started on its own:

                        - Getting started guide: set up your workspace, invite your team, connect your data
                        - Video course: the product in ten short lessons
                        - Reference documentation and the community forum
                        - Our regular webinars for new customers

                        Your account manager will be in touch, and our support team is there for any question.
                        """.formatted(owner, company)),
                ClockUtil.getCurrentTime().toInstant());
    }
}
