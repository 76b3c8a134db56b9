package com.customerlifecycle.engine;

import java.time.Duration;
import java.util.Collection;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.apache.ibatis.executor.Executor;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.plugin.Interceptor;
import org.apache.ibatis.plugin.Intercepts;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.plugin.Plugin;
import org.apache.ibatis.plugin.Signature;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Whether any {@code REVOKE} authorization exists, known to the node instead of asked in every command. With Camunda's
 * default {@code authorizationCheckRevokes=auto}, every command that checks a permission first asks the database
 * whether a REVOKE applies to the user ({@code selectRevokeAuthorization}), and writes its checks with the revoke logic
 * only if one does — two of the sixteen statements of a started instance (BENCHMARKS.md, B1). This application creates
 * no REVOKE; an administrator may, in Admin.
 *
 * <p>Every {@code clo.authorization.revoke-check-refresh} (10 s) the node counts the REVOKE rows. While the last two
 * counts found none and this node wrote none since, a command skips the question ({@link #noneExist()}); the checks
 * are then exactly Camunda's checks without revoke logic, which give the same answers when no REVOKE exists. A REVOKE
 * written on this node turns the question back on at once (a MyBatis interceptor sees the insert, before it commits);
 * one written on another node is seen by the next count, so another node may ignore a new REVOKE for up to the refresh
 * period — the same bound as a changed password or membership ({@code security.VerifiedCredentials}). When a count is
 * older than two periods or failed, every command asks again, as Camunda does. {@code PT0S} switches this off.
 */
@Component
public class RevokeGrants extends AbstractProcessEnginePlugin implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(RevokeGrants.class);
    private static final String COUNT = "SELECT COUNT(*) FROM ACT_RU_AUTHORIZATION WHERE TYPE_ = "
            + Authorization.AUTH_TYPE_REVOKE;

    private final Duration refresh;
    private final JdbcClient jdbc;
    private final AtomicLong revokesWrittenHere = new AtomicLong();
    private long revokesWrittenAtLastCount = -1;
    private volatile boolean noneFound;
    private volatile long countedAt;
    private ScheduledExecutorService counter;

    RevokeGrants(@Value("${clo.authorization.revoke-check-refresh:PT10S}") Duration refresh, DataSource dataSource) {
        this.refresh = refresh;
        this.jdbc = JdbcClient.create(dataSource);
    }

    /** True when no REVOKE exists, as far as a recent count and this node's own writes tell. */
    public boolean noneExist() {
        return noneFound && System.nanoTime() - countedAt < 2 * refresh.toNanos()
                && revokesWrittenHere.get() == revokesWrittenAtLastCount;
    }

    /**
     * Counts the REVOKE rows. A REVOKE this node wrote since the last count may not have been committed when this one
     * ran, so "none" needs two counts in a row without such a write.
     */
    public synchronized void count() {
        long written = revokesWrittenHere.get();
        long started = System.nanoTime();
        boolean none;
        try {
            none = jdbc.sql(COUNT).query(Long.class).single() == 0;
        } catch (RuntimeException failed) {
            LOG.warn("Could not count REVOKE authorizations; every command asks the database again: {}", failed.toString());
            none = false;
        }
        noneFound = none && written == revokesWrittenAtLastCount;
        revokesWrittenAtLastCount = written;
        countedAt = started;
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        if (!refresh.isZero()) {
            configuration.getSqlSessionFactory().getConfiguration().addInterceptor(new RevokeWrites());
        }
    }

    @Override
    public void start() {
        if (refresh.isZero()) {
            return;
        }
        counter = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "revoke-grants");
            thread.setDaemon(true);
            return thread;
        });
        counter.scheduleWithFixedDelay(this::count, 0, refresh.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        if (counter != null) {
            counter.shutdownNow();
            counter = null;
        }
        noneFound = false;
    }

    @Override
    public boolean isRunning() {
        return counter != null;
    }

    /** Every insert or update of a REVOKE on this node, before it commits. */
    @Intercepts(@Signature(type = Executor.class, method = "update", args = {MappedStatement.class, Object.class}))
    final class RevokeWrites implements Interceptor {

        @Override
        public Object intercept(Invocation invocation) throws Throwable {
            Object parameter = invocation.getArgs()[1];
            if (isRevoke(parameter)
                    || parameter instanceof Collection<?> entities && entities.stream().anyMatch(RevokeWrites::isRevoke)) {
                revokesWrittenHere.incrementAndGet();
            }
            return invocation.proceed();
        }

        private static boolean isRevoke(Object entity) {
            return entity instanceof AuthorizationEntity authorization
                    && authorization.getAuthorizationType() == Authorization.AUTH_TYPE_REVOKE;
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
