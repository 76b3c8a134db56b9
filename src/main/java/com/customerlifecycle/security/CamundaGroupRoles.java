package com.customerlifecycle.security;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** Camunda groups as Spring Security roles ({@code ROLE_<group id>}), and back. */
final class CamundaGroupRoles {

    private static final String ROLE_PREFIX = "ROLE_";

    private CamundaGroupRoles() {
    }

    /** The roles of the user's groups as they are now. */
    static List<GrantedAuthority> of(IdentityService identityService, String userId) {
        return of(identityService.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList());
    }

    /** The roles of these groups. */
    static List<GrantedAuthority> of(List<String> groupIds) {
        return groupIds.stream()
                .map(groupId -> (GrantedAuthority) new SimpleGrantedAuthority(ROLE_PREFIX + groupId))
                .toList();
    }

    /** The group ids behind a logged-in user's roles. */
    static List<String> groupsOf(Authentication user) {
        return user.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(authority -> authority.startsWith(ROLE_PREFIX))
                .map(authority -> authority.substring(ROLE_PREFIX.length()))
                .toList();
    }
}
