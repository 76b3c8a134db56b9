package com.customerlifecycle.customer;

import com.fasterxml.jackson.annotation.JsonValue;

/** Where a customer stands: onboarding from the won deal, active once onboarded. */
public enum CustomerStatus {
    ONBOARDING, ACTIVE, CHURNED;

    @JsonValue
    public String code() {
        return name().toLowerCase();
    }

    static CustomerStatus ofCode(String code) {
        return valueOf(code.toUpperCase());
    }
}
