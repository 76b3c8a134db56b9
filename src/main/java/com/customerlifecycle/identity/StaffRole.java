package com.customerlifecycle.identity;

/** The seven roles that work the journey, each a Camunda group with its own Tasklist queue. */
public enum StaffRole {
    SDR("sdr", "Sales Development Reps", "SDR queue"),
    AE("ae", "Account Executives", "AE queue"),
    SUPPORT("support", "Customer Support", "Support queue"),
    AM("am", "Account Managers", "AM queue"),
    DEPLOYMENT_CONSULTANT("deployment-consultant", "Deployment Consultants", "Deployment consultant queue"),
    CSM("csm", "Customer Success Managers", "CSM queue"),
    RENEWAL("renewal", "Renewal Managers", "Renewal queue");

    private final String groupId;
    private final String groupName;
    private final String queueName;

    StaffRole(String groupId, String groupName, String queueName) {
        this.groupId = groupId;
        this.groupName = groupName;
        this.queueName = queueName;
    }

    public String groupId() {
        return groupId;
    }

    public String groupName() {
        return groupName;
    }

    /** Name of the role's Tasklist filter. */
    public String queueName() {
        return queueName;
    }
}
