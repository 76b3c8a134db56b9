package com.customerlifecycle.identity;

import org.camunda.bpm.engine.authorization.Groups;

/** Groups besides the seven roles. */
public final class TechnicalGroups {

    /** Deploys models from Modeler, reads Cockpit, migrates instances. */
    public static final String PROCESS_OWNER = "process-owner";
    /** Technical users of outside systems (website, billing/CRM, helpdesk, usage analytics). */
    public static final String INTEGRATION = "integration";
    /** Managers of the teams: read the KPIs and the workload forecast (Cockpit's KPI dashboard); change nothing. */
    public static final String MANAGER = "manager";
    /** Monitoring that scrapes {@code /actuator/prometheus}, and nothing else. */
    public static final String METRICS = "metrics";
    public static final String CAMUNDA_ADMIN = Groups.CAMUNDA_ADMIN;

    private TechnicalGroups() {
    }
}
