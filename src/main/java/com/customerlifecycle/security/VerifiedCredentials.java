package com.customerlifecycle.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * HTTP Basic logins checked against Camunda's users a moment ago, with the user's groups and tenants, so that a client
 * sending many requests pays the engine's password check and the two look-ups once per {@code ttl}
 * ({@code clo.security.verified-credentials-ttl}, default 10 s) instead of on every request. Used by
 * {@code /engine-rest} ({@link EngineRestAuthentication}) and by {@code /api} and {@code /actuator}
 * ({@link CamundaIdentityAuthenticationProvider}).
 *
 * <p>Kept per user id: an HMAC-SHA256 of the password under a random key that exists only in this JVM's memory (never
 * the password), the group ids and the tenant ids. An entry answers only a request with the same password, only for
 * {@code ttl} after the check, and only while nothing changed since: {@link IdentityChanges} calls {@link #forgetAll}
 * when a change of a user, password, group, membership or tenant commits and when any password check fails (so the
 * engine's login delay after a wrong password holds for a cached user too). A wrong password is never kept. A change
 * made on another node reaches this one after {@code ttl} at the latest. {@code ttl} zero checks every request.
 */
@Component
public class VerifiedCredentials {

    /**
     * Who logged in, with the groups and tenants the engine's authorizations need: array lists of the request's own,
     * as Camunda's look-ups give them (its MyBatis expressions read them by reflection).
     */
    record Login(String userId, List<String> groupIds, List<String> tenantIds) {
        Login {
            groupIds = new ArrayList<>(groupIds);
            tenantIds = new ArrayList<>(tenantIds);
        }
    }

    private record Verified(byte[] passwordMac, List<String> groupIds, List<String> tenantIds, long generation) {
    }

    private static final String MAC_ALGORITHM = "HmacSHA256";

    private final IdentityService identityService;
    private final Cache<String, Verified> verified;
    private final SecretKeySpec key;
    /** Counts {@link #forgetAll} calls; an entry verified before the last one is not used. */
    private final AtomicLong generation = new AtomicLong();

    VerifiedCredentials(@Lazy IdentityService identityService,
                        @Value("${clo.security.verified-credentials-ttl:PT10S}") Duration ttl) {
        this.identityService = identityService;
        this.verified = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(10_000).build();
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, MAC_ALGORITHM);
    }

    /** The user with groups and tenants if the password is right; empty if the user is unknown or the password wrong. */
    Optional<Login> check(String userId, String password) {
        byte[] passwordMac = mac(password);
        Verified known = verified.getIfPresent(userId);
        if (known != null && known.generation() == generation.get()
                && MessageDigest.isEqual(known.passwordMac(), passwordMac)) {
            return Optional.of(new Login(userId, known.groupIds(), known.tenantIds()));
        }
        // read before the engine's check: a change that commits while we look up makes this entry unusable
        long checkedAt = generation.get();
        if (!identityService.checkPassword(userId, password)) {
            return Optional.empty();
        }
        List<String> groupIds = identityService.createGroupQuery().groupMember(userId).list().stream()
                .map(Group::getId).toList();
        List<String> tenantIds = identityService.createTenantQuery().userMember(userId).includingGroupsOfUser(true)
                .list().stream().map(Tenant::getId).toList();
        verified.put(userId, new Verified(passwordMac, groupIds, tenantIds, checkedAt));
        return Optional.of(new Login(userId, groupIds, tenantIds));
    }

    /** Every login is checked against the engine again from now on. */
    void forgetAll() {
        generation.incrementAndGet();
        verified.invalidateAll();
    }

    private byte[] mac(String password) {
        try {
            Mac mac = Mac.getInstance(MAC_ALGORITHM);
            mac.init(key);
            return mac.doFinal(password.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(MAC_ALGORITHM + " is part of every JDK", e);
        }
    }
}
