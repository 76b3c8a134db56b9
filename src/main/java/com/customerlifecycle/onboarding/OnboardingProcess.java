package com.customerlifecycle.onboarding;

import com.customerlifecycle.journey.JourneyProcess;

/** Keys of the {@code customer-onboarding} process: its id, task ids and variable names, in one place. */
public final class OnboardingProcess {

    public static final String KEY = "customer-onboarding";
    public static final String TOUCH_TIER_DECISION = "touch-tier";

    public static final class Tasks {
        public static final String WELCOME_CUSTOMER = "Task_WelcomeCustomer";
        public static final String RUN_PRODUCT_TRAINING = "Task_RunProductTraining";
        public static final String CUSTOMIZE_PRODUCT = "Task_CustomizeProduct";
        public static final String AGREE_INITIAL_USAGE_PLAN = "Task_AgreeInitialUsagePlan";
        public static final String SEND_SELF_ONBOARDING_KIT = "Task_SendSelfOnboardingKit";

        private Tasks() {
        }
    }

    public static final class Vars {
        public static final String CUSTOMER_ID = JourneyProcess.Vars.CUSTOMER_ID;
        public static final String COMPANY = JourneyProcess.Vars.COMPANY;
        public static final String TOUCH_TIER = JourneyProcess.Vars.TOUCH_TIER;
        public static final String SUBSCRIPTION_OWNER_NAME = JourneyProcess.Vars.SUBSCRIPTION_OWNER_NAME;
        public static final String SUBSCRIPTION_OWNER_EMAIL = JourneyProcess.Vars.SUBSCRIPTION_OWNER_EMAIL;
        public static final String ACCOUNT_MANAGER = "accountManager";
        public static final String WELCOME_DONE = "welcomeDone";
        public static final String TRAINING_NOTES = "trainingNotes";
        public static final String CUSTOMIZATION_NOTES = "customizationNotes";
        public static final String USAGE_PLAN = "usagePlan";

        private Vars() {
        }
    }

    /** Mail steps, one mail per customer and step. */
    static final String SELF_ONBOARDING_KIT_MAIL = "self-onboarding-kit";

    private OnboardingProcess() {
    }
}
