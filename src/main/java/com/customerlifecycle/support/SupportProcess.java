package com.customerlifecycle.support;

/** Keys of the {@code support-case} process: its id, task ids and variable names, in one place. */
public final class SupportProcess {

    public static final String KEY = "support-case";
    public static final String SLA_DECISION = "support-sla";
    public static final String TRIAL_TIER = "trial";

    public static final class Tasks {
        public static final String TRIAGE_SUPPORT_CASE = "Task_TriageSupportCase";
        public static final String RESOLVE_PAYMENT_QUESTION = "Task_ResolvePaymentQuestion";
        public static final String RESOLVE_ESCALATED_CASE = "Task_ResolveEscalatedCase";
        public static final String REVIEW_PAYMENT_ISSUE = "Task_ReviewPaymentIssue";
        public static final String FOLLOW_UP_SETUP_ADVICE = "Task_FollowUpSetupAdvice";
        public static final String FOLLOW_UP_SETUP_ADVICE_AS_AM = "Task_FollowUpSetupAdviceAsAm";
        public static final String FOLLOW_UP_SETUP_ADVICE_AS_SDR = "Task_FollowUpSetupAdviceAsSdr";
        public static final String REVIEW_MISSED_FIRST_RESPONSE = "Task_ReviewMissedFirstResponse";
        public static final String SEND_RESOLUTION_EMAIL = "Task_SendResolutionEmail";

        private Tasks() {
        }
    }

    public static final class Vars {
        public static final String CASE_ID = "caseId";
        public static final String COMPANY = "company";
        public static final String CATEGORY = "category";
        public static final String CHANNEL = "channel";
        public static final String SUBJECT = "subject";
        public static final String DESCRIPTION = "description";
        public static final String TOUCH_TIER = "touchTier";
        public static final String CONTACT_NAME = "contactName";
        public static final String CONTACT_EMAIL = "contactEmail";
        public static final String ACCOUNT_MANAGER = "accountManager";
        public static final String CUSTOMER_CSM = "customerCsm";
        public static final String LEAD_SDR = "leadSdr";
        public static final String ACTIVE_CONTRACT = "activeContract";
        public static final String RESOLUTION = "resolution";
        public static final String LINE_1_OUTCOME = "line1Outcome";
        public static final String ESCALATE_TO_SECOND_LINE = "escalateToSecondLine";
        public static final String TECHNICAL_RESOLUTION = "technicalResolution";
        public static final String PRODUCT_BUG_REFERENCE = "productBugReference";
        public static final String FOLLOW_UP_NOTES = "followUpNotes";

        private Vars() {
        }
    }

    private SupportProcess() {
    }
}
