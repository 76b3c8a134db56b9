package com.customerlifecycle.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Checks HTTP Basic credentials of {@code /api} and {@code /actuator} callers against Camunda's users, the same ones
 * Tasklist and {@code /engine-rest} know, through {@link VerifiedCredentials}. Each Camunda group becomes the role
 * {@code ROLE_<group id>}.
 */
@Component
class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

    private final VerifiedCredentials verified;

    CamundaIdentityAuthenticationProvider(VerifiedCredentials verified) {
        this.verified = verified;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String userId = authentication.getName();
        Object credentials = authentication.getCredentials();
        if (userId == null || userId.isBlank() || credentials == null) {
            throw new BadCredentialsException("Unknown user or wrong password");
        }
        VerifiedCredentials.Login login = verified.check(userId, credentials.toString())
                .orElseThrow(() -> new BadCredentialsException("Unknown user or wrong password"));
        return UsernamePasswordAuthenticationToken.authenticated(userId, null, CamundaGroupRoles.of(login.groupIds()));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
