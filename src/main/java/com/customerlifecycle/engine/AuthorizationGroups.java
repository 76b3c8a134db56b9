package com.customerlifecycle.engine;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The engine's authorization checks use the user's groups as they are, without first reading every group that holds
 * an authorization. Camunda 7.24's {@code AuthorizationManager.filterAuthenticatedGroupIds} runs
 * {@code SELECT distinct GROUP_ID_ FROM ACT_RU_AUTHORIZATION} (no filter) once in every command that checks a
 * permission, only to drop the groups that hold no authorization from the {@code GROUP_ID_ IN (...)} lists of its
 * checks. That table grows by a row per open task and candidate group, so the scan grows with the work in the queues.
 * A group that holds no authorization matches no row of those lists, so leaving it in changes no answer: who may do
 * what stays exactly the same (the authorization matrix tests), also with revoke checks, and also when another node
 * changes authorizations, since nothing is kept between commands.
 *
 * <p>{@code clo.authorization.group-look-up=true} restores Camunda's look-up (for comparison in benchmark B1). The same
 * manager skips the per-command question whether a REVOKE applies while {@link RevokeGrants} knows that none exists.
 */
@Component
class AuthorizationGroups extends AbstractProcessEnginePlugin {

    private final boolean groupLookUp;
    private final RevokeGrants revokes;

    AuthorizationGroups(@Value("${clo.authorization.group-look-up:false}") boolean groupLookUp, RevokeGrants revokes) {
        this.groupLookUp = groupLookUp;
        this.revokes = revokes;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<SessionFactory> factories = configuration.getCustomSessionFactories() == null ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomSessionFactories());
        // registered under AuthorizationManager's type, it replaces the engine's own manager in every command
        factories.add(new SessionFactory() {
            @Override
            public Class<?> getSessionType() {
                return AuthorizationManager.class;
            }

            @Override
            public Session openSession() {
                return new ApplicationAuthorizationManager(groupLookUp, revokes);
            }
        });
        configuration.setCustomSessionFactories(factories);
    }

    /**
     * Camunda's authorization manager, with the user's group ids passed on as they are (unless {@code groupLookUp}),
     * and without the revoke question while {@code revokes} knows that none exists ({@code null}: asked in every
     * command, as Camunda does).
     */
    static final class ApplicationAuthorizationManager extends AuthorizationManager {

        private final boolean groupLookUp;
        private final RevokeGrants revokes;

        ApplicationAuthorizationManager(boolean groupLookUp, RevokeGrants revokes) {
            this.groupLookUp = groupLookUp;
            this.revokes = revokes;
        }

        @Override
        public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
            if (groupLookUp) {
                return super.filterAuthenticatedGroupIds(authenticatedGroupIds);
            }
            if (authenticatedGroupIds == null || authenticatedGroupIds.isEmpty()) {
                return EMPTY_LIST;
            }
            // an ArrayList without duplicates or nulls, as Camunda's own filter gives it (MyBatis reads it by reflection)
            return new ArrayList<>(authenticatedGroupIds.stream().filter(Objects::nonNull)
                    .collect(Collectors.toCollection(LinkedHashSet::new)));
        }

        @Override
        protected boolean isRevokeAuthCheckEnabled(String userId, List<String> groupIds) {
            // once per command, like the engine's own answer; only where the engine would ask the database ("auto")
            if (isRevokeAuthCheckUsed == null && revokes != null && revokes.noneExist()
                    && ProcessEngineConfiguration.AUTHORIZATION_CHECK_REVOKE_AUTO.equalsIgnoreCase(
                    Context.getProcessEngineConfiguration().getAuthorizationCheckRevokes())) {
                isRevokeAuthCheckUsed = false;
            }
            return super.isRevokeAuthCheckEnabled(userId, groupIds);
        }
    }
}
