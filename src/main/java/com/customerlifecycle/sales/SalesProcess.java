package com.customerlifecycle.sales;

import com.customerlifecycle.journey.JourneyProcess;

/** Keys of the {@code sales-opportunity} process: its id, task ids and variable names, in one place. */
public final class SalesProcess {

    public static final String KEY = "sales-opportunity";

    public static final class Tasks {
        public static final String RUN_DISCOVERY_CALL = "Task_RunDiscoveryCall";
        public static final String ASSESS_CUSTOM_SOLUTION = "Task_AssessCustomSolution";
        public static final String ASSESS_SUCCESS_CRITERIA = "Task_AssessSuccessCriteria";
        public static final String DEMO_TO_DECISION_MAKERS = "Task_DemoToDecisionMakers";
        public static final String PREPARE_PROPOSAL = "Task_PrepareProposal";
        public static final String NEGOTIATE_AND_CLOSE = "Task_NegotiateAndClose";
        public static final String FOLLOW_UP_STALE_OPPORTUNITY = "Task_FollowUpStaleOpportunity";
        public static final String CREATE_CUSTOMER_AND_CONTRACT = "Task_CreateCustomerAndContract";

        private Tasks() {
        }
    }

    public static final class Vars {
        public static final String LEAD_ID = JourneyProcess.Vars.LEAD_ID;
        public static final String COMPANY = JourneyProcess.Vars.COMPANY;
        public static final String NEEDS_SUMMARY = "needsSummary";
        public static final String COMPLEX_NEEDS = "complexNeeds";
        public static final String INVOLVE_CSM = "involveCsm";
        public static final String SOLUTION_FEASIBLE = "solutionFeasible";
        public static final String SOLUTION_NOTES = "solutionNotes";
        public static final String SUCCESS_CRITERIA = "successCriteria";
        public static final String RECOMMENDED_PLAN = "recommendedPlan";
        public static final String PLAN = "plan";
        public static final String SEATS = JourneyProcess.Vars.SEATS;
        public static final String TERM_YEARS = "termYears";
        public static final String ANNUAL_VALUE = JourneyProcess.Vars.ANNUAL_VALUE;
        public static final String IMPLEMENTATION_PURCHASED = JourneyProcess.Vars.IMPLEMENTATION_PURCHASED;
        public static final String STRATEGIC_ACCOUNT = JourneyProcess.Vars.STRATEGIC_ACCOUNT;
        public static final String SUBSCRIPTION_OWNER_NAME = JourneyProcess.Vars.SUBSCRIPTION_OWNER_NAME;
        public static final String SUBSCRIPTION_OWNER_EMAIL = JourneyProcess.Vars.SUBSCRIPTION_OWNER_EMAIL;
        public static final String DEAL_OUTCOME = "dealOutcome";
        public static final String DEAL_CLOSED_BY = "dealClosedBy";
        public static final String LOSS_REASON = "lossReason";
        public static final String LOSS_NOTES = "lossNotes";
        public static final String CUSTOMER_ID = JourneyProcess.Vars.CUSTOMER_ID;
        public static final String CONTRACT_ID = JourneyProcess.Vars.CONTRACT_ID;

        private Vars() {
        }
    }

    /** Values of {@link Vars#DEAL_OUTCOME}. */
    public static final class DealOutcome {
        public static final String WON = "won";
        public static final String LOST = "lost";

        private DealOutcome() {
        }
    }

    private SalesProcess() {
    }
}
