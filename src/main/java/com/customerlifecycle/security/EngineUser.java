package com.customerlifecycle.security;

import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Runs engine calls of {@code /api} as the logged-in user with the user's groups, as {@code /engine-rest} and the
 * webapps do: the engine's authorizations apply and its user operation log names who did it.
 */
@Component
public class EngineUser {

    private final IdentityService identityService;

    EngineUser(IdentityService identityService) {
        this.identityService = identityService;
    }

    public <T> T call(Authentication user, Supplier<T> action) {
        identityService.setAuthentication(user.getName(), CamundaGroupRoles.groupsOf(user));
        try {
            return action.get();
        } finally {
            identityService.clearAuthentication();
        }
    }
}
