package com.customerlifecycle.lead;

import com.customerlifecycle.api.SafeText;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A trial sign-up as the website sends it. */
public record TrialSignUp(
        @NotBlank @Size(max = 200) @SafeText String company,
        @NotBlank @Size(max = 200) @SafeText String contactName,
        @NotBlank @Email @Size(max = 254) @SafeText String email,
        @Size(max = 40) @Pattern(regexp = "[+0-9 ()./-]{3,40}", message = "must be a phone number") String phone,
        @Min(1) @Max(10_000_000) Integer employees,
        @Min(1) @Max(90) Integer trialDays) {

    static final int DEFAULT_TRIAL_DAYS = 14;

    int trialDaysOrDefault() {
        return trialDays == null ? DEFAULT_TRIAL_DAYS : trialDays;
    }

    String normalizedEmail() {
        return email.trim().toLowerCase();
    }
}
