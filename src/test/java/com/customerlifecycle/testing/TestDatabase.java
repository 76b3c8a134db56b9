package com.customerlifecycle.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The database of a test context: H2 in memory by default; with {@code -Dclo.test.database=postgres} (the second
 * test run of {@code ./mvnw verify}) a real PostgreSQL server started once for the JVM from Maven-shipped binaries,
 * with a fresh database for each context.
 */
public class TestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres postgres;

    public static boolean isPostgres() {
        return "postgres".equals(System.getProperty("clo.test.database"));
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        if (isPostgres()) {
            TestPropertyValues.of(
                    "spring.datasource.url=" + freshPostgresDatabase(),
                    "spring.datasource.username=postgres",
                    "spring.datasource.password=").applyTo(context);
        }
    }

    /** A new, empty PostgreSQL database; its JDBC URL. */
    public static synchronized String freshPostgresDatabase() {
        try {
            if (postgres == null) {
                postgres = EmbeddedPostgres.builder().start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        postgres.close();
                    } catch (IOException ignored) {
                        // the JVM is ending anyway
                    }
                }));
            }
            String name = "clo_test_" + DATABASES.incrementAndGet();
            try (Connection connection = postgres.getPostgresDatabase().getConnection();
                 Statement statement = connection.createStatement()) {
                statement.execute("CREATE DATABASE " + name);
            }
            return postgres.getJdbcUrl("postgres", name);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL server", e);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create a test database", e);
        }
    }
}
