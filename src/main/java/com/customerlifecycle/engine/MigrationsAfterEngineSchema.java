package com.customerlifecycle.engine;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationInitializer;
import org.springframework.stereotype.Component;

/**
 * Our Flyway migrations run after the process engine has created or updated Camunda's tables, so that a migration may
 * add what our queries need to them (indexes for the role queues), also on an empty database. Flyway then finds a
 * schema that is not empty and baselines it at version 0 ({@code spring.flyway.baseline-on-migrate}).
 */
@Component
class MigrationsAfterEngineSchema implements BeanFactoryPostProcessor {

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        String[] engines = beanFactory.getBeanNamesForType(ProcessEngine.class, true, false);
        for (String migrations : beanFactory.getBeanNamesForType(FlywayMigrationInitializer.class, true, false)) {
            BeanDefinition flyway = beanFactory.getBeanDefinition(migrations);
            Set<String> dependsOn = new LinkedHashSet<>();
            if (flyway.getDependsOn() != null) {
                dependsOn.addAll(List.of(flyway.getDependsOn()));
            }
            dependsOn.addAll(List.of(engines));
            flyway.setDependsOn(dependsOn.toArray(String[]::new));
        }
    }
}
