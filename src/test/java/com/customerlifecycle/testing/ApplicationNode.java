package com.customerlifecycle.testing;

import java.util.ArrayList;
import java.util.List;

import com.customerlifecycle.CustomerLifecycleApplication;
import org.camunda.bpm.spring.boot.starter.rest.CamundaBpmRestJerseyAutoConfiguration;
import org.camunda.bpm.spring.boot.starter.webapp.CamundaBpmWebappAutoConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The application started inside the test JVM on a given database, with the demo users: one node of a cluster, or a
 * benchmark's system under test. Without {@code web} it has no HTTP server, REST API or webapps (and so can run beside
 * other nodes in the same JVM).
 */
public final class ApplicationNode {

    private ApplicationNode() {
    }

    public static ConfigurableApplicationContext start(Database database, boolean web, String... arguments) {
        List<String> all = new ArrayList<>(database.arguments());
        all.add("--spring.profiles.active=" + database.profiles("test", "demo"));
        if (web) {
            all.add("--server.port=0");
        } else {
            all.add("--spring.autoconfigure.exclude=" + CamundaBpmRestJerseyAutoConfiguration.class.getName() + ","
                    + CamundaBpmWebappAutoConfiguration.class.getName());
        }
        all.addAll(List.of(arguments));
        return new SpringApplicationBuilder(CustomerLifecycleApplication.class)
                .web(web ? WebApplicationType.SERVLET : WebApplicationType.NONE)
                .run(all.toArray(String[]::new));
    }
}
