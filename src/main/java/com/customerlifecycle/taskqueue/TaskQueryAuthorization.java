package com.customerlifecycle.taskqueue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.ibatis.cache.CacheKey;
import org.apache.ibatis.executor.Executor;
import org.apache.ibatis.mapping.BoundSql;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.mapping.ParameterMapping;
import org.apache.ibatis.plugin.Interceptor;
import org.apache.ibatis.plugin.Intercepts;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.plugin.Plugin;
import org.apache.ibatis.plugin.Signature;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.ResultHandler;
import org.apache.ibatis.session.RowBounds;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Runs the task list and count — {@code /engine-rest/task}, {@code /engine-rest/task/count}, a Tasklist queue's
 * {@code /filter/{id}/list} and {@code /count}, and every {@code TaskQuery} in the application — with the authorization
 * check asked per task instead of Camunda 7.24's {@code OR} join of the authorization table (see
 * {@link AuthorizationJoinRewrite}): the list with an {@code EXISTS} probe per task, so that a page stops after its
 * tasks; the count with look-ups of the ids the user's grants name, read once, since it visits every task. A MyBatis
 * interceptor on the engine's own MyBatis configuration rewrites the SQL of the two statements
 * {@code selectTaskByQueryCriteria} and {@code selectTaskCountByQueryCriteria} just before they run; every other
 * statement, and these two when their SQL does not have the expected shape, run as Camunda wrote them.
 *
 * <p>{@code clo.task-queue.exists-authorization-check=false} switches it off; {@link #setExistsCheck} does so at run
 * time (the equivalence test and B3 compare both on the same data).
 */
@Component
public class TaskQueryAuthorization extends AbstractProcessEnginePlugin {

    private static final Logger LOG = LoggerFactory.getLogger(TaskQueryAuthorization.class);
    private static final String TASK_NAMESPACE = "org.camunda.bpm.engine.impl.persistence.entity.TaskEntity.";
    static final Map<String, AuthorizationJoinRewrite.Check> STATEMENTS = Map.of(
            TASK_NAMESPACE + "selectTaskByQueryCriteria", AuthorizationJoinRewrite.Check.EXISTS_PER_TASK,
            TASK_NAMESPACE + "selectTaskCountByQueryCriteria", AuthorizationJoinRewrite.Check.GRANTED_ID_LOOK_UPS);

    private volatile boolean existsCheck;
    private final AtomicLong rewritten = new AtomicLong();
    private final AtomicLong unchanged = new AtomicLong();

    public TaskQueryAuthorization(@Value("${clo.task-queue.exists-authorization-check:true}") boolean existsCheck) {
        this.existsCheck = existsCheck;
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        Configuration mybatis = configuration.getSqlSessionFactory().getConfiguration();
        // a shared SqlSessionFactory (useSharedSqlSessionFactory) would see this plugin once per engine
        if (mybatis.getInterceptors().stream().noneMatch(ExistsInterceptor.class::isInstance)) {
            mybatis.addInterceptor(new ExistsInterceptor());
        }
    }

    public void setExistsCheck(boolean existsCheck) {
        this.existsCheck = existsCheck;
    }

    public boolean isExistsCheck() {
        return existsCheck;
    }

    /** Task list and count statements run with the rewritten check since the start. */
    public long rewrittenQueries() {
        return rewritten.get();
    }

    /** Task list and count statements with the check on whose SQL did not have the join's shape, run unchanged. */
    public long unchangedQueries() {
        return unchanged.get();
    }

    /** Before Camunda's statement reaches the executor: the same statement with the rewritten SQL and parameters. */
    @Intercepts(@Signature(type = Executor.class, method = "query",
            args = {MappedStatement.class, Object.class, RowBounds.class, ResultHandler.class}))
    final class ExistsInterceptor implements Interceptor {

        @Override
        public Object intercept(Invocation invocation) throws Throwable {
            MappedStatement statement = (MappedStatement) invocation.getArgs()[0];
            AuthorizationJoinRewrite.Check form = STATEMENTS.get(statement.getId());
            if (!existsCheck || form == null) {
                return invocation.proceed();
            }
            Object parameter = invocation.getArgs()[1];
            BoundSql original = statement.getBoundSql(parameter);
            AuthorizationJoinRewrite.Rewritten rewrite = AuthorizationJoinRewrite.rewrite(original.getSql(), form);
            if (rewrite == null) {
                // no authorization check (admin, authorization off), or revoke checks on: nothing to replace
                if (original.getSql().contains("ACT_RU_AUTHORIZATION A") && original.getSql().contains("AUTH ON")) {
                    LOG.warn("Task query with an authorization join of an unexpected shape runs unchanged: {}",
                            statement.getId());
                }
                unchanged.incrementAndGet();
                return invocation.proceed();
            }
            List<ParameterMapping> mappings = new ArrayList<>();
            for (int index : rewrite.parameterOrder()) {
                mappings.add(original.getParameterMappings().get(index));
            }
            BoundSql bound = new BoundSql(statement.getConfiguration(), rewrite.sql(), mappings, parameter);
            for (Map.Entry<String, Object> additional : original.getAdditionalParameters().entrySet()) {
                bound.setAdditionalParameter(additional.getKey(), additional.getValue());
            }
            Executor executor = (Executor) invocation.getTarget();
            RowBounds rowBounds = (RowBounds) invocation.getArgs()[2];
            ResultHandler<?> resultHandler = (ResultHandler<?>) invocation.getArgs()[3];
            CacheKey key = executor.createCacheKey(statement, parameter, rowBounds, bound);
            rewritten.incrementAndGet();
            return executor.query(statement, parameter, rowBounds, resultHandler, key, bound);
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
}
