package com.customerlifecycle.lead;

import com.customerlifecycle.journey.JourneyProcess;

/** Keys of the {@code lead-qualification} process: its id, task ids and variable names, in one place. */
public final class LeadProcess {

    public static final String KEY = "lead-qualification";

    public static final class Tasks {
        public static final String CONTACT_TRIAL_USER = "Task_ContactTrialUser";
        public static final String QUALIFY_LEAD = "Task_QualifyLead";

        private Tasks() {
        }
    }

    public static final class Vars {
        public static final String LEAD_ID = JourneyProcess.Vars.LEAD_ID;
        public static final String COMPANY = JourneyProcess.Vars.COMPANY;
        public static final String CONTACT_NAME = JourneyProcess.Vars.CONTACT_NAME;
        public static final String EMAIL = JourneyProcess.Vars.EMAIL;
        public static final String PHONE = "phone";
        public static final String EMPLOYEES = "employees";
        public static final String TRIAL_ENDS_AT = "trialEndsAt";
        public static final String CONTACT_ATTEMPTS = "contactAttempts";
        public static final String CONTACT_OUTCOME = "contactOutcome";
        public static final String CONTACT_NOTES = "contactNotes";
        public static final String QUALIFIED = "qualified";
        public static final String DISQUALIFICATION_REASON = "disqualificationReason";
        /** How the lead ended: a {@link LeadStatus} code, handed back to the journey. */
        public static final String LEAD_OUTCOME = "leadOutcome";

        private Vars() {
        }
    }

    /** Values of {@link Vars#CONTACT_OUTCOME}. */
    public static final class ContactOutcome {
        public static final String REACHED = "reached";
        public static final String NO_ANSWER = "no-answer";

        private ContactOutcome() {
        }
    }

    private LeadProcess() {
    }
}
