package com.customerlifecycle.success;

/** Bands of the 0–100 health score a CSM gives at each check-in. */
public enum HealthBand {
    RED, YELLOW, GREEN;

    static HealthBand of(int healthScore) {
        if (healthScore <= 50) {
            return RED;
        }
        return healthScore <= 75 ? YELLOW : GREEN;
    }

    public String code() {
        return name().toLowerCase();
    }
}
