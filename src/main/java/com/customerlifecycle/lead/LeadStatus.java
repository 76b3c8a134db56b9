package com.customerlifecycle.lead;

import com.fasterxml.jackson.annotation.JsonValue;

/** Where a lead stands; follows the {@code lead-qualification} process. */
public enum LeadStatus {
    NEW, CONTACTING, QUALIFIED, DISQUALIFIED, UNRESPONSIVE, EXPIRED;

    @JsonValue
    public String code() {
        return name().toLowerCase();
    }

    static LeadStatus ofCode(String code) {
        return valueOf(code.toUpperCase());
    }
}
