package com.customerlifecycle.security;

import static com.customerlifecycle.identity.TechnicalGroups.CAMUNDA_ADMIN;
import static com.customerlifecycle.identity.TechnicalGroups.INTEGRATION;
import static com.customerlifecycle.identity.TechnicalGroups.MANAGER;
import static com.customerlifecycle.identity.TechnicalGroups.METRICS;
import static com.customerlifecycle.identity.TechnicalGroups.PROCESS_OWNER;
import static com.customerlifecycle.identity.StaffRole.AE;
import static com.customerlifecycle.identity.StaffRole.AM;
import static com.customerlifecycle.identity.StaffRole.RENEWAL;
import static com.customerlifecycle.identity.StaffRole.SDR;

import com.customerlifecycle.api.ProblemResponses;
import java.util.Arrays;
import java.util.stream.Stream;

import com.customerlifecycle.identity.StaffRole;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Nobody reaches the application without logging in:
 * <ul>
 * <li>{@code /engine-rest}: HTTP Basic through Camunda's own {@link ProcessEngineAuthenticationFilter} (with the
 * logins of {@link VerifiedCredentials}, see {@link EngineRestAuthentication}); the engine's authorizations decide what
 * each user may do;</li>
 * <li>{@code /api} and {@code /actuator}: HTTP Basic against Camunda's users, roles from their groups;</li>
 * <li>the webapps ({@code /camunda}): their own login page and session;</li>
 * <li>the Admin webapp's first-run setup is closed for good (CVE-2026-77226).</li>
 * </ul>
 */
@Configuration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SecurityConfiguration {

    static final String ENGINE_REST = "/engine-rest/*";
    /** Asked for by the webapps' login pages; see {@link #webappsAndEverythingElse}. */
    static final String CAMUNDA_WELCOME = "/camunda-welcome";
    /** The bpmn-js viewer library (a public, static script) for the journey map of Tasklist's Customer tab. */
    static final String BPMN_VIEWER = "/webjars/bpmn-js/*/dist/**";
    /** The ECharts library (a public, static script) for the charts of Cockpit's KPI dashboard. */
    static final String CHARTS = "/webjars/echarts/*/dist/**";
    /** Everyone who looks after customers, the process owners, the administrators (not the outside systems). */
    private static final String[] STAFF_AND_OWNERS = Stream.concat(
            Arrays.stream(StaffRole.values()).map(StaffRole::groupId), Stream.of(PROCESS_OWNER, CAMUNDA_ADMIN))
            .toArray(String[]::new);
    /** Everyone who looks after customers, the outside systems, the administrators. */
    private static final String[] STAFF_AND_INTEGRATIONS = Stream.concat(
            Arrays.stream(StaffRole.values()).map(StaffRole::groupId), Stream.of(INTEGRATION, CAMUNDA_ADMIN))
            .toArray(String[]::new);

    @Bean
    @Order(1)
    SecurityFilterChain adminSetupClosed(HttpSecurity http) throws Exception {
        HttpStatusEntryPoint forbidden = new HttpStatusEntryPoint(HttpStatus.FORBIDDEN);
        return http.securityMatcher(path("/camunda/api/admin/setup/**"))
                .authorizeHttpRequests(requests -> requests.anyRequest().denyAll())
                .exceptionHandling(errors -> errors.authenticationEntryPoint(forbidden)
                        .accessDeniedHandler((request, response, denied) -> response.sendError(HttpStatus.FORBIDDEN.value())))
                .csrf(csrf -> csrf.disable())
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain engineRest(HttpSecurity http) throws Exception {
        return http.securityMatcher(path("/engine-rest/**"))
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain api(HttpSecurity http, ObjectMapper objectMapper, ProcessEngine engine) throws Exception {
        ProblemResponses problems = new ProblemResponses(objectMapper);
        RequestMatcher migrationApi = new OrRequestMatcher(path(HttpMethod.GET, "/api/process-versions"),
                path(HttpMethod.GET, "/api/process-versions/*"), path(HttpMethod.POST, "/api/migrations"),
                path(HttpMethod.GET, "/api/migrations/*"));
        RequestMatcher taskJourney = path(HttpMethod.GET, "/api/tasks/*/journey");
        RequestMatcher dashboardApi = new OrRequestMatcher(path(HttpMethod.GET, "/api/kpis"),
                path(HttpMethod.GET, "/api/forecast"));
        return http.securityMatcher(new OrRequestMatcher(path("/api/**"), path("/actuator/**"), path("/v3/api-docs/**"),
                        path("/swagger-ui/**"), path("/swagger-ui.html")))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(path("/actuator/health"), path("/actuator/health/**")).permitAll()
                        .requestMatchers(path(HttpMethod.GET, "/actuator/prometheus")).hasAnyRole(METRICS, CAMUNDA_ADMIN)
                        .requestMatchers(path("/actuator/**")).hasRole(CAMUNDA_ADMIN)
                        .requestMatchers(path(HttpMethod.POST, "/api/trials")).hasRole(INTEGRATION)
                        .requestMatchers(path(HttpMethod.GET, "/api/customers/*/journey"), path(HttpMethod.GET, "/api/leads/*/journey"),
                                taskJourney).hasAnyRole(STAFF_AND_OWNERS)
                        .requestMatchers(path(HttpMethod.GET, "/api/leads/**")).hasAnyRole(SDR.groupId(), AE.groupId(), INTEGRATION, CAMUNDA_ADMIN)
                        .requestMatchers(path(HttpMethod.GET, "/api/customers/**")).hasAnyRole(STAFF_AND_INTEGRATIONS)
                        .requestMatchers(path(HttpMethod.POST, "/api/customers/*/expansion-signals")).hasRole(INTEGRATION)
                        .requestMatchers(path(HttpMethod.POST, "/api/customers/*/one-to-many-sessions")).hasRole(INTEGRATION)
                        .requestMatchers(path(HttpMethod.GET, "/api/webinars")).hasAnyRole(STAFF_AND_INTEGRATIONS)
                        .requestMatchers(path(HttpMethod.POST, "/api/support-cases")).hasRole(INTEGRATION)
                        .requestMatchers(path(HttpMethod.GET, "/api/support-cases/*")).hasAnyRole(STAFF_AND_INTEGRATIONS)
                        .requestMatchers(path(HttpMethod.GET, "/api/renewals")).hasAnyRole(RENEWAL.groupId(), AM.groupId(), CAMUNDA_ADMIN)
                        .requestMatchers(path(HttpMethod.POST, "/api/webinars/*/registrations")).hasRole(INTEGRATION)
                        .requestMatchers(migrationApi).hasAnyRole(PROCESS_OWNER, CAMUNDA_ADMIN)
                        .requestMatchers(path(HttpMethod.GET, "/api/forecast")).hasAnyRole(PROCESS_OWNER, MANAGER, CAMUNDA_ADMIN)
                        .requestMatchers(path(HttpMethod.GET, "/api/kpis")).hasAnyRole(PROCESS_OWNER, MANAGER, CAMUNDA_ADMIN)
                        .requestMatchers(path("/api/**")).denyAll()
                        .anyRequest().authenticated())
                // Cockpit's Migration tab and KPI dashboard and Tasklist's Customer tab call their part of the API with
                // the webapp login.
                .addFilterBefore(new WebappSessionAuthentication(engine.getName(), engine.getIdentityService(),
                        new OrRequestMatcher(migrationApi, taskJourney, dashboardApi), problems),
                        BasicAuthenticationFilter.class)
                .httpBasic(basic -> basic.realmName(ProblemResponses.REALM).authenticationEntryPoint(problems))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                // Stateless, and a webapp session a plugin's request brings along is left as it is: Spring's session
                // fixation protection gave it a new id on every such request, and Cockpit's own requests in flight
                // with the old id then came back 401 and sent the user to the login page. Logging in (where fixation
                // matters) is the webapps' own business and renews the session there.
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS)
                        .sessionFixation(fixation -> fixation.none()))
                .csrf(csrf -> csrf.disable())
                .build();
    }

    /**
     * The webapps log users in themselves (their REST API answers 401 without a session); the rest needs a login.
     * {@code /camunda-welcome}: every webapp login page asks for it in the background (Camunda's optional welcome
     * message; there is none here, so 404). Answered with a Basic challenge, it made Chromium open its own sign-in
     * dialog over the login page, and the page took no keyboard or mouse input until that dialog was cancelled.
     */
    @Bean
    @Order(4)
    SecurityFilterChain webappsAndEverythingElse(HttpSecurity http) throws Exception {
        return http
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(path("/camunda/**"), path(CAMUNDA_WELCOME), path(BPMN_VIEWER), path(CHARTS),
                                path("/"), path("/error"))
                        .permitAll()
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.realmName(ProblemResponses.REALM))
                // The webapps bring their own CSRF protection (double-submit cookie on /camunda/api).
                .csrf(csrf -> csrf.ignoringRequestMatchers(path("/camunda/**")))
                .headers(headers -> headers.frameOptions(frame -> frame.sameOrigin()))
                .build();
    }

    /**
     * Spring Security's own Micrometer observations (a span and timer around the filter chain, each authentication
     * and each authorization decision) are off: they are work on every request and nothing here reads them (their gain
     * in B1 was inside the noise, BENCHMARKS.md). The request's own {@code http.server.requests} metric stays.
     * {@code clo.security.observations=true} turns them back on.
     */
    @Bean
    @ConditionalOnProperty(name = "clo.security.observations", havingValue = "false", matchIfMissing = true)
    SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /** Plain path patterns: /engine-rest and /camunda are not served by Spring MVC's dispatcher. */
    private static RequestMatcher path(String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(pattern);
    }

    private static RequestMatcher path(HttpMethod method, String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(method, pattern);
    }

    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication(VerifiedCredentials verified) {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new EngineRestAuthentication(verified));
        registration.setName("camunda-engine-rest-authentication");
        registration.addUrlPatterns(ENGINE_REST);
        registration.setOrder(Ordered.LOWEST_PRECEDENCE - 10);
        return registration;
    }

    @Bean
    FilterRegistrationBean<AdHocQueryExpressionGuard> adHocQueryExpressionGuard(ObjectMapper objectMapper) {
        FilterRegistrationBean<AdHocQueryExpressionGuard> registration =
                new FilterRegistrationBean<>(new AdHocQueryExpressionGuard(objectMapper));
        registration.setName("ad-hoc-query-expression-guard");
        registration.addUrlPatterns(AdHocQueryExpressionGuard.URL_PATTERNS);
        registration.setOrder(Ordered.LOWEST_PRECEDENCE);
        return registration;
    }
}
