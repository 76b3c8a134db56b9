package com.customerlifecycle.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;

import com.customerlifecycle.identity.StaffRole;
import com.customerlifecycle.testing.DemoApplicationTest;
import org.apache.ibatis.executor.Executor;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.plugin.Interceptor;
import org.apache.ibatis.plugin.Intercepts;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.plugin.Plugin;
import org.apache.ibatis.plugin.Signature;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.ResultHandler;
import org.apache.ibatis.session.RowBounds;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.ProcessEngineImpl;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The per-command revoke question is skipped only while no REVOKE exists: a REVOKE written on this node counts at
 * once, one written by another node (straight into the table here) with the next count, and "none" needs two counts.
 */
@DemoApplicationTest
class RevokeGrantsTest {

    private static final List<String> SDR = List.of(StaffRole.SDR.groupId());

    @Autowired
    RevokeGrants revokes;
    @Autowired
    AuthorizationService authorizations;
    @Autowired
    FilterService filters;
    @Autowired
    JdbcClient jdbc;

    /** Camunda's per-command question whether a REVOKE applies to the user, counted. */
    private static final AtomicLong revokeQuestions = new AtomicLong();

    @BeforeAll
    static void countTheRevokeQuestions(@Autowired ProcessEngine engine) {
        Configuration mybatis = ((ProcessEngineImpl) engine).getProcessEngineConfiguration().getSqlSessionFactory()
                .getConfiguration();
        if (mybatis.getInterceptors().stream().noneMatch(RevokeQuestions.class::isInstance)) {
            mybatis.addInterceptor(new RevokeQuestions());
        }
    }

    @Intercepts(@Signature(type = Executor.class, method = "query",
            args = {MappedStatement.class, Object.class, RowBounds.class, ResultHandler.class}))
    static final class RevokeQuestions implements Interceptor {

        @Override
        public Object intercept(Invocation invocation) throws Throwable {
            if (((MappedStatement) invocation.getArgs()[0]).getId().endsWith(".selectRevokeAuthorization")) {
                revokeQuestions.incrementAndGet();
            }
            return invocation.proceed();
        }

        @Override
        public Object plugin(Object target) {
            return target instanceof Executor ? Plugin.wrap(target, this) : target;
        }

        @Override
        public void setProperties(Properties properties) {
            // nothing to configure
        }
    }

    @Test
    void aRevokeSavedOnThisNodeCountsAtOnce() {
        String queue = sdrQueue();
        settle();
        assertThat(revokes.noneExist()).isTrue();
        long asked = revokeQuestions.get();
        assertThat(saraMayRead(queue)).isTrue();
        assertThat(revokeQuestions.get() - asked).as("revoke questions while none exists").isZero();

        Authorization revoke = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_REVOKE);
        revoke.setUserId("sara");
        revoke.setResource(Resources.FILTER);
        revoke.setResourceId(queue);
        revoke.removePermission(Permissions.READ);
        authorizations.saveAuthorization(revoke);
        try {
            assertThat(revokes.noneExist()).isFalse();
            asked = revokeQuestions.get();
            assertThat(saraMayRead(queue)).isFalse();
            assertThat(revokeQuestions.get() - asked).as("revoke questions once one exists").isEqualTo(1);
            revokes.count();
            assertThat(revokes.noneExist()).isFalse();
        } finally {
            authorizations.deleteAuthorization(revoke.getId());
        }
        revokes.count();
        assertThat(revokes.noneExist()).as("one count after this node's own REVOKE is not enough").isFalse();
        revokes.count();
        assertThat(revokes.noneExist()).isTrue();
        assertThat(saraMayRead(queue)).isTrue();
    }

    @Test
    void aRevokeWrittenByAnotherNodeCountsWithTheNextCount() {
        String queue = sdrQueue();
        settle();
        jdbc.sql("""
                INSERT INTO ACT_RU_AUTHORIZATION (ID_, REV_, TYPE_, USER_ID_, RESOURCE_TYPE_, RESOURCE_ID_, PERMS_)
                VALUES ('revoke-from-another-node', 1, 2, 'sara', ?, ?, ?)""")
                .params(Resources.FILTER.resourceType(), queue, Permissions.ALL.getValue() & ~Permissions.READ.getValue())
                .update();
        try {
            revokes.count();
            assertThat(revokes.noneExist()).isFalse();
            assertThat(saraMayRead(queue)).isFalse();
        } finally {
            jdbc.sql("DELETE FROM ACT_RU_AUTHORIZATION WHERE ID_ = 'revoke-from-another-node'").update();
        }
        settle();
        assertThat(revokes.noneExist()).isTrue();
        assertThat(saraMayRead(queue)).isTrue();
    }

    private boolean saraMayRead(String queue) {
        return authorizations.isUserAuthorized("sara", SDR, Permissions.READ, Resources.FILTER, queue);
    }

    private String sdrQueue() {
        return filters.createFilterQuery().filterName(StaffRole.SDR.queueName()).singleResult().getId();
    }

    /** Two counts with no REVOKE written in between. */
    private void settle() {
        revokes.count();
        revokes.count();
    }
}
