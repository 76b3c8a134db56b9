package com.customerlifecycle.renewal;

import com.customerlifecycle.journey.JourneyProcess;

/** Keys of the {@code subscription-renewal} process: its id, task ids and variable names, in one place. */
public final class RenewalProcess {

    public static final String KEY = "subscription-renewal";
    public static final String DISCOUNT_DECISION = "renewal-discount";

    public static final class Tasks {
        public static final String INTRODUCE_RENEWAL_MANAGER = "Task_IntroduceRenewalManager";
        public static final String NEGOTIATE_RENEWAL = "Task_NegotiateRenewal";
        public static final String RUN_EXIT_INTERVIEW = "Task_RunExitInterview";
        public static final String ESCALATE_EXPIRED_CONTRACT = "Task_EscalateExpiredContract";
        public static final String EXTEND_CONTRACT = "Task_ExtendContract";

        private Tasks() {
        }
    }

    public static final class Timers {
        public static final String RENEWAL_WINDOW_OPENS = "Timer_RenewalWindowOpens";
        public static final String PRICE_NEGOTIATION_OPENS = "Timer_PriceNegotiationOpens";

        private Timers() {
        }
    }

    public static final class Vars {
        public static final String CUSTOMER_ID = JourneyProcess.Vars.CUSTOMER_ID;
        public static final String COMPANY = JourneyProcess.Vars.COMPANY;
        public static final String CONTRACT_ID = JourneyProcess.Vars.CONTRACT_ID;
        public static final String CONTRACT_END_DATE = "contractEndDate";
        public static final String CURRENT_ANNUAL_VALUE = "currentAnnualValue";
        public static final String INTRODUCTION_NOTES = "introductionNotes";
        public static final String RENEWAL_OFFERS = "renewalOffers";
        public static final String RENEWAL_OFFERS_SUMMARY = "renewalOffersSummary";
        public static final String RENEWAL_OUTCOME = "renewalOutcome";
        public static final String RENEWAL_TERM_YEARS = "renewalTermYears";
        public static final String RENEWAL_ANNUAL_VALUE = "renewalAnnualValue";
        public static final String DISCOUNT_PERCENT = "discountPercent";
        public static final String CHURN_REASON = "churnReason";
        public static final String CHURN_NOTES = "churnNotes";
        public static final String RENEWAL_DECIDED_BY = "renewalDecidedBy";
        public static final String EXIT_INTERVIEW_NOTES = "exitInterviewNotes";
        public static final String ESCALATION_NOTES = "escalationNotes";

        private Vars() {
        }
    }

    /** Values of {@link Vars#RENEWAL_OUTCOME} handed back to the journey. */
    public static final class Outcome {
        public static final String RENEWED = "renewed";
        public static final String RENEWED_BY_AM = "renewed-by-am";
        public static final String CHURNED = "churned";

        private Outcome() {
        }
    }

    private RenewalProcess() {
    }
}
