package com.customerlifecycle.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import com.customerlifecycle.identity.StaffRole;
import com.customerlifecycle.testing.DemoApplicationTest;
import com.customerlifecycle.testing.Http;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Logins are checked against the engine once and then taken from {@link VerifiedCredentials} for a few seconds; a
 * change of password or membership, through {@code /engine-rest} as Camunda Admin makes it, counts from the next
 * request on, and a wrong password never counts as a login.
 */
@DemoApplicationTest
class VerifiedCredentialsTest {

    /** Members of {@code sdr} may read a lead ({@code /api}: 404 for an unknown one), others get 403. */
    private static final String LEAD = "/api/leads/" + UUID.randomUUID();
    /** A member of {@code sdr} may read the stored SDR queue. */
    private static final String FILTERS = "/engine-rest/filter/count?name=SDR%20queue";

    @LocalServerPort
    int port;
    @Autowired
    IdentityService identityService;
    @Autowired
    JdbcClient jdbc;

    private String userId;

    @BeforeEach
    void userInSdr() {
        userId = "cache" + UUID.randomUUID().toString().substring(0, 8);
        User user = identityService.newUser(userId);
        user.setPassword("first-password");
        identityService.saveUser(user);
        identityService.createMembership(userId, StaffRole.SDR.groupId());
    }

    @AfterEach
    void deleteUser() {
        identityService.deleteUser(userId);
    }

    @Test
    void aChangedPasswordCountsFromTheNextRequest() {
        assertLoggedIn("first-password");

        String change = "{\"password\": \"second-password\", \"authenticatedUserPassword\": \"demo\"}";
        assertThat(Http.as("admin", port).putJson("/engine-rest/user/" + userId + "/credentials", change).status())
                .isEqualTo(204);

        assertLoggedIn("second-password");
        assertRefused("first-password");
    }

    @Test
    void aRemovedMembershipCountsFromTheNextRequest() {
        Http user = Http.as(userId, "first-password", port);
        assertThat(user.get(LEAD).status()).isEqualTo(404);
        assertThat(user.get(FILTERS).json().get("count").asInt()).isEqualTo(1);

        Http admin = Http.as("admin", port);
        String member = "/engine-rest/group/" + StaffRole.SDR.groupId() + "/members/" + userId;
        assertThat(admin.delete(member).status()).isEqualTo(204);

        assertThat(user.get(LEAD).status()).isEqualTo(403);
        assertThat(user.get(FILTERS).json().get("count").asInt()).isZero();

        assertThat(admin.putJson(member, "").status()).isEqualTo(204);

        assertThat(user.get(LEAD).status()).isEqualTo(404);
        assertThat(user.get(FILTERS).json().get("count").asInt()).isEqualTo(1);
    }

    @Test
    void aWrongPasswordIsNeverALoginAndTheLoginDelayHoldsForACachedUser() {
        assertLoggedIn("first-password");

        assertRefused("wrong-password");
        // the engine's login delay after a failed attempt applies to the right password too, cached or not
        assertRefused("first-password");

        identityService.unlockUser(userId);
        assertLoggedIn("first-password");
        assertRefused("wrong-password");
    }

    @Test
    void aVerifiedLoginIsTakenFromTheCacheUntilSomethingChanges() {
        assertLoggedIn("first-password");

        // a change behind the engine's back (no identity operation) is not seen while the login is cached: the
        // password becomes the administrator's ...
        Map<String, Object> admin = jdbc.sql("SELECT PWD_, SALT_ FROM ACT_ID_USER WHERE ID_ = 'admin'").query().singleRow();
        jdbc.sql("UPDATE ACT_ID_USER SET PWD_ = ?, SALT_ = ? WHERE ID_ = ?")
                .params(admin.get("PWD_"), admin.get("SALT_"), userId).update();
        assertLoggedIn("first-password");

        // ... until any identity change commits
        identityService.createMembership(userId, StaffRole.AE.groupId());
        assertRefused("first-password");
    }

    private void assertLoggedIn(String password) {
        Http user = Http.as(userId, password, port);
        assertThat(user.get(FILTERS).status()).as("/engine-rest with %s", password).isEqualTo(200);
        assertThat(user.get(LEAD).status()).as("/api with %s", password).isEqualTo(404);
    }

    private void assertRefused(String password) {
        Http user = Http.as(userId, password, port);
        assertThat(user.get(FILTERS).status()).as("/engine-rest with %s", password).isEqualTo(401);
        assertThat(user.get(LEAD).status()).as("/api with %s", password).isEqualTo(401);
    }
}
