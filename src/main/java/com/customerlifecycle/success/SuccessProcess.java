package com.customerlifecycle.success;

import java.util.List;

import com.customerlifecycle.journey.JourneyProcess;

/** Keys of the {@code customer-success} process: its id, task ids, variable and message names, in one place. */
public final class SuccessProcess {

    public static final String KEY = "customer-success";
    /** Stops customer success when the customer leaves; correlated by the journey's business key. */
    public static final String CUSTOMER_CHURNED_MESSAGE = "CustomerChurned";

    public static final class Tasks {
        public static final String DEFINE_SUCCESS_PLAN = "Task_DefineSuccessPlan";
        public static final String HOLD_SUCCESS_CHECK_IN = "Task_HoldSuccessCheckIn";
        public static final String RUN_BUSINESS_REVIEW = "Task_RunBusinessReview";
        public static final String RESCUE_AT_RISK_ACCOUNT = "Task_RescueAtRiskAccount";
        public static final String REVIEW_AT_RISK_ACCOUNT = "Task_ReviewAtRiskAccount";
        public static final String SEND_ONE_TO_MANY_WELCOME = "Task_SendOneToManyWelcome";
        public static final String SEND_NEWSLETTER = "Task_SendNewsletter";
        public static final String SEND_SELF_STUDY_MATERIAL = "Task_SendSelfStudyMaterial";

        private Tasks() {
        }
    }

    public static final class Vars {
        public static final String CUSTOMER_ID = JourneyProcess.Vars.CUSTOMER_ID;
        public static final String COMPANY = JourneyProcess.Vars.COMPANY;
        public static final String TOUCH_TIER = JourneyProcess.Vars.TOUCH_TIER;
        public static final String SUBSCRIPTION_OWNER_NAME = JourneyProcess.Vars.SUBSCRIPTION_OWNER_NAME;
        public static final String SUBSCRIPTION_OWNER_EMAIL = JourneyProcess.Vars.SUBSCRIPTION_OWNER_EMAIL;
        public static final String CUSTOMER_CSM = "customerCsm";
        public static final String CSM_HOURS_PER_QUARTER = "csmHoursPerQuarter";
        public static final String SUCCESS_GOALS = "successGoals";
        public static final String FIRST_TARGET_DATE = "firstTargetDate";
        public static final String HEALTH_SCORE = "healthScore";
        public static final String HEALTH_BAND = "healthBand";
        public static final String CHECK_IN_NOTES = "checkInNotes";
        public static final String HOURS_USED = "hoursUsed";
        public static final String EXPANSION_OPPORTUNITY = "expansionOpportunity";
        public static final String EXPANSION_NOTES = "expansionNotes";
        public static final String BUSINESS_REVIEW_NOTES = "businessReviewNotes";
        public static final String RESCUE_PLAN = "rescuePlan";
        public static final String CSM_HOURS_LEFT = "csmHoursLeft";
        public static final String CSM_WORK_REFUSED_REASON = "csmWorkRefusedReason";

        private Vars() {
        }
    }

    public static final String HIGH_TOUCH = "high-touch";
    public static final String LOW_TOUCH = "low-touch";
    public static final String TECH_TOUCH = "tech-touch";
    /** The touch tiers, most personal first. */
    public static final List<String> TOUCH_TIERS = List.of(HIGH_TOUCH, LOW_TOUCH, TECH_TOUCH);

    private SuccessProcess() {
    }
}
