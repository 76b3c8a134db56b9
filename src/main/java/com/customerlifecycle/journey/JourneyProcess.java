package com.customerlifecycle.journey;

/**
 * The {@code customer-journey} map: its id, its call activities and the variables handed from stage to stage. Each
 * stage's own keys live with the stage ({@code LeadProcess}, {@code SalesProcess}, {@code OnboardingProcess}).
 */
public final class JourneyProcess {

    public static final String KEY = "customer-journey";

    public static final class Activities {
        public static final String QUALIFY_LEAD = "CallActivity_QualifyLead";
        public static final String SELL_SUBSCRIPTION = "CallActivity_SellSubscription";
        public static final String ONBOARD_CUSTOMER = "CallActivity_OnboardCustomer";
        public static final String LOOK_AFTER_CUSTOMER = "CallActivity_LookAfterCustomer";
        public static final String RENEW_SUBSCRIPTION = "CallActivity_RenewSubscription";

        private Activities() {
        }
    }

    /** Variables more than one stage reads. */
    public static final class Vars {
        public static final String LEAD_ID = "leadId";
        public static final String COMPANY = "company";
        public static final String CONTACT_NAME = "contactName";
        public static final String EMAIL = "email";
        public static final String CUSTOMER_ID = "customerId";
        public static final String CONTRACT_ID = "contractId";
        public static final String ANNUAL_VALUE = "annualValue";
        public static final String SEATS = "seats";
        public static final String STRATEGIC_ACCOUNT = "strategicAccount";
        public static final String IMPLEMENTATION_PURCHASED = "implementationPurchased";
        public static final String SUBSCRIPTION_OWNER_NAME = "subscriptionOwnerName";
        public static final String SUBSCRIPTION_OWNER_EMAIL = "subscriptionOwnerEmail";
        public static final String TOUCH_TIER = "touchTier";

        private Vars() {
        }
    }

    private JourneyProcess() {
    }
}
