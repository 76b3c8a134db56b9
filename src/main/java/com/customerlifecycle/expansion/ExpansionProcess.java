package com.customerlifecycle.expansion;

import com.customerlifecycle.journey.JourneyProcess;

/** Keys of the {@code account-expansion} process: its id, task ids, variable and message names, in one place. */
public final class ExpansionProcess {

    public static final String KEY = "account-expansion";
    /** Starts an expansion; correlated with the journey's business key. */
    public static final String EXPANSION_OPPORTUNITY_MESSAGE = "ExpansionOpportunity";

    public static final class Vars {
        public static final String CUSTOMER_ID = JourneyProcess.Vars.CUSTOMER_ID;
        public static final String COMPANY = JourneyProcess.Vars.COMPANY;
        public static final String ACCOUNT_MANAGER = "accountManager";
        public static final String EXPANSION_ID = "expansionId";
        public static final String EXPANSION_REASONS = "expansionReasons";
        public static final String CURRENT_PLAN = "currentPlan";
        public static final String CURRENT_SEATS = "currentSeats";
        public static final String CURRENT_ANNUAL_VALUE = "currentAnnualValue";
        public static final String CURRENT_END_DATE = "currentEndDate";
        public static final String EXPANSION_AGREED = "expansionAgreed";
        public static final String PLAN = "plan";
        public static final String SEATS = JourneyProcess.Vars.SEATS;
        public static final String ANNUAL_VALUE = JourneyProcess.Vars.ANNUAL_VALUE;
        public static final String EXTEND_TERM = "extendTerm";
        public static final String TERM_YEARS = "termYears";
        public static final String OUTCOME_NOTES = "expansionOutcomeNotes";
        public static final String DECIDED_BY = "expansionDecidedBy";

        private Vars() {
        }
    }

    private ExpansionProcess() {
    }
}
