package com.customerlifecycle.security;

import com.customerlifecycle.api.ProblemResponses;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.camunda.bpm.webapp.impl.security.filter.util.CsrfConstants;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Our webapp plugins (Cockpit's Migration tab and KPI dashboard, Tasklist's Customer tab) call their part of {@code /api} from the browser with the user's Camunda
 * webapp login, not with HTTP Basic: a request that carries the webapp session is the webapp's logged-in user, with
 * the groups the user has now (read again, so a user removed from a group in Admin loses the rights at once), and the
 * same rights apply as everywhere. Requests that change something must also carry the webapp's CSRF token
 * ({@code X-XSRF-TOKEN}, as Camunda's own webapp API requires), so that no other site can send them with the cookie.
 * Only the paths the plugins use accept the session; the rest of {@code /api} stays HTTP Basic only.
 */
class WebappSessionAuthentication extends OncePerRequestFilter {

    private static final List<String> SAFE_METHODS = List.of("GET", "HEAD", "OPTIONS");

    private final String engineName;
    private final IdentityService identityService;
    private final RequestMatcher pluginPaths;
    private final ProblemResponses problems;

    WebappSessionAuthentication(String engineName, IdentityService identityService, RequestMatcher pluginPaths,
                                ProblemResponses problems) {
        this.engineName = engineName;
        this.identityService = identityService;
        this.pluginPaths = pluginPaths;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !pluginPaths.matches(request) || request.getHeader(HttpHeaders.AUTHORIZATION) != null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        Authentication login = session == null ? null
                : AuthenticationUtil.getAuthsFromSession(session).getAuthenticationForProcessEngine(engineName);
        if (login instanceof UserAuthentication user
                && identityService.createUserQuery().userId(user.getName()).count() == 1) {
            if (!SAFE_METHODS.contains(request.getMethod()) && !hasCsrfToken(request, session)) {
                problems.write(request, response, HttpStatus.FORBIDDEN,
                        "Send the webapp's CSRF token (header X-XSRF-TOKEN) with requests that change something.");
                return;
            }
            SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                    user.getName(), null, CamundaGroupRoles.of(identityService, user.getName())));
        }
        chain.doFilter(request, response);
    }

    private static boolean hasCsrfToken(HttpServletRequest request, HttpSession session) {
        Object expected = session.getAttribute(CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME);
        String sent = request.getHeader(CsrfConstants.CSRF_TOKEN_HEADER_NAME);
        return expected instanceof String token && sent != null
                && MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8), sent.getBytes(StandardCharsets.UTF_8));
    }
}
