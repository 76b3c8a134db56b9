package com.customerlifecycle.security;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

import jakarta.servlet.FilterConfig;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationProvider;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.springframework.http.HttpHeaders;

/**
 * HTTP Basic on {@code /engine-rest}: Camunda's own {@link ProcessEngineAuthenticationFilter} (it sets the engine's
 * authentication for the request and clears it after), with the user, groups and tenants from
 * {@link VerifiedCredentials} instead of Camunda's {@code HttpBasicAuthenticationProvider}, which checks the password
 * and the filter then looks up groups and tenants: three queries on every request.
 */
final class EngineRestAuthentication extends ProcessEngineAuthenticationFilter {

    EngineRestAuthentication(VerifiedCredentials verified) {
        this.authenticationProvider = new HttpBasic(verified);
    }

    /** The provider is given in the constructor; only the optional servlet path prefix comes from the init params. */
    @Override
    public void init(FilterConfig filterConfig) {
        servletPathPrefix = filterConfig.getInitParameter(SERVLET_PATH_PREFIX);
    }

    /** Reads the credentials as Camunda's {@code HttpBasicAuthenticationProvider} does, checks them with the cache. */
    static final class HttpBasic implements AuthenticationProvider {

        private static final String BASIC = "Basic ";

        private final VerifiedCredentials verified;

        HttpBasic(VerifiedCredentials verified) {
            this.verified = verified;
        }

        @Override
        public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
            String header = request.getHeader(HttpHeaders.AUTHORIZATION);
            if (header == null || !header.startsWith(BASIC)) {
                return AuthenticationResult.unsuccessful();
            }
            String credentials;
            try {
                credentials = new String(Base64.getDecoder().decode(header.substring(BASIC.length()).trim()),
                        StandardCharsets.UTF_8);
            } catch (IllegalArgumentException notBase64) {
                return AuthenticationResult.unsuccessful();
            }
            int colon = credentials.indexOf(':');
            if (colon == -1) {
                return AuthenticationResult.unsuccessful();
            }
            String userId = credentials.substring(0, colon);
            Optional<VerifiedCredentials.Login> login = verified.check(userId, credentials.substring(colon + 1));
            if (login.isEmpty()) {
                return AuthenticationResult.unsuccessful(userId);
            }
            AuthenticationResult result = AuthenticationResult.successful(userId);
            result.setGroups(login.get().groupIds());
            result.setTenants(login.get().tenantIds());
            return result;
        }

        @Override
        public void augmentResponseByAuthenticationChallenge(HttpServletResponse response, ProcessEngine engine) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, BASIC + "realm=\"" + engine.getName() + "\"");
        }
    }
}
