package com.customerlifecycle.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A fresh database for an application started by a test or benchmark: its connection and the profile it needs. */
public record Database(String url, String username, String password) {

    /** A new database on the embedded PostgreSQL server of this JVM (see {@link TestDatabase}). */
    public static Database freshPostgres() {
        return new Database(TestDatabase.freshPostgresDatabase(), "postgres", "");
    }

    /** A new H2 database on disk under {@code directory}, with the options of the default configuration. */
    public static Database freshH2File(Path directory) {
        Path file = directory.toAbsolutePath().resolve("clo-" + UUID.randomUUID());
        return new Database("jdbc:h2:file:" + file + ";DB_CLOSE_ON_EXIT=FALSE;QUERY_CACHE_SIZE=64", "sa", "");
    }

    public boolean isPostgres() {
        return url.startsWith("jdbc:postgresql:");
    }

    /** The profiles to run with, plus {@code postgres} (pool and job executor settings) on PostgreSQL. */
    public String profiles(String... profiles) {
        List<String> all = new ArrayList<>(List.of(profiles));
        if (isPostgres()) {
            all.add("postgres");
        }
        return String.join(",", all);
    }

    /** Spring Boot command-line arguments that point the application at this database. */
    public List<String> arguments() {
        return List.of("--spring.datasource.url=" + url, "--spring.datasource.username=" + username,
                "--spring.datasource.password=" + password);
    }
}
