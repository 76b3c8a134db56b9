package com.customerlifecycle.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The administrator, from {@code CLO_ADMIN_USER} and {@code CLO_ADMIN_PASSWORD} (the demo profile sets admin/demo).
 */
@ConfigurationProperties("clo.admin")
public record AdminAccount(String user, String password) {

    void requireConfigured() {
        if (user == null || user.isBlank() || password == null || password.isBlank()) {
            throw new IllegalStateException("No administrator configured: set the environment variables "
                    + "CLO_ADMIN_USER and CLO_ADMIN_PASSWORD (or run with the demo profile, which uses admin/demo)");
        }
    }
}
