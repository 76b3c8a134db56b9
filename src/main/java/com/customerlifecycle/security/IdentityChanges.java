package com.customerlifecycle.security;

import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.IdentityOperationResult;
import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.springframework.stereotype.Component;

/**
 * Tells {@link VerifiedCredentials} when what it keeps may have changed. The engine keeps Camunda's own database
 * identity provider, extended so that every change of a user (password included), a group, a membership or a tenant
 * makes {@link VerifiedCredentials} forget when its transaction commits, and every failed password check does so at
 * once. Every way in goes through this provider: Camunda Admin, {@code /engine-rest/user/...},
 * {@code /engine-rest/group/...}, the {@code IdentityService} in code, and the webapps' login.
 */
@Component
class IdentityChanges extends AbstractProcessEnginePlugin {

    private final VerifiedCredentials verified;

    IdentityChanges(VerifiedCredentials verified) {
        this.verified = verified;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setIdentityProviderSessionFactory(new SessionFactory() {
            @Override
            public Class<?> getSessionType() {
                return ChangeAwareIdentityProvider.class;
            }

            @Override
            public Session openSession() {
                return new ChangeAwareIdentityProvider(verified);
            }
        });
    }

    /** Camunda's database identity provider; what it changes makes {@link VerifiedCredentials} forget. */
    static final class ChangeAwareIdentityProvider extends DbIdentityServiceProvider {

        private final VerifiedCredentials verified;

        ChangeAwareIdentityProvider(VerifiedCredentials verified) {
            this.verified = verified;
        }

        @Override
        public boolean checkPassword(String userId, String password) {
            boolean right = super.checkPassword(userId, password);
            if (!right) {
                verified.forgetAll();
            }
            return right;
        }

        @Override
        public IdentityOperationResult saveUser(User user) {
            return forgetOnCommit(super.saveUser(user));
        }

        @Override
        public IdentityOperationResult deleteUser(String userId) {
            return forgetOnCommit(super.deleteUser(userId));
        }

        @Override
        public IdentityOperationResult saveGroup(Group group) {
            return forgetOnCommit(super.saveGroup(group));
        }

        @Override
        public IdentityOperationResult deleteGroup(String groupId) {
            return forgetOnCommit(super.deleteGroup(groupId));
        }

        @Override
        public IdentityOperationResult deleteTenant(String tenantId) {
            return forgetOnCommit(super.deleteTenant(tenantId));
        }

        @Override
        public IdentityOperationResult createMembership(String userId, String groupId) {
            return forgetOnCommit(super.createMembership(userId, groupId));
        }

        @Override
        public IdentityOperationResult deleteMembership(String userId, String groupId) {
            return forgetOnCommit(super.deleteMembership(userId, groupId));
        }

        @Override
        public IdentityOperationResult createTenantUserMembership(String tenantId, String userId) {
            return forgetOnCommit(super.createTenantUserMembership(tenantId, userId));
        }

        @Override
        public IdentityOperationResult createTenantGroupMembership(String tenantId, String groupId) {
            return forgetOnCommit(super.createTenantGroupMembership(tenantId, groupId));
        }

        @Override
        public IdentityOperationResult deleteTenantUserMembership(String tenantId, String userId) {
            return forgetOnCommit(super.deleteTenantUserMembership(tenantId, userId));
        }

        @Override
        public IdentityOperationResult deleteTenantGroupMembership(String tenantId, String groupId) {
            return forgetOnCommit(super.deleteTenantGroupMembership(tenantId, groupId));
        }

        /**
         * After the commit, not before: a request checked in between would otherwise read the old state again and
         * keep it (an entry verified before the commit is not used after {@link VerifiedCredentials#forgetAll}).
         */
        private IdentityOperationResult forgetOnCommit(IdentityOperationResult result) {
            Context.getCommandContext().getTransactionContext()
                    .addTransactionListener(TransactionState.COMMITTED, context -> verified.forgetAll());
            return result;
        }
    }
}
