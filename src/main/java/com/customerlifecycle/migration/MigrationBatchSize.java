package com.customerlifecycle.migration;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How many process instances one job of a migration batch moves ({@code clo.migration.instances-per-batch-job}).
 * Camunda's default is one: a failing instance then holds back no other. More per job means fewer jobs for the job
 * executor to acquire, lock and log (BENCHMARKS.md, B6), at the price that an instance that cannot move fails the
 * others of its job too.
 */
@Component
class MigrationBatchSize extends AbstractProcessEnginePlugin {

    private final int instancesPerJob;

    MigrationBatchSize(@Value("${clo.migration.instances-per-batch-job:1}") int instancesPerJob) {
        this.instancesPerJob = instancesPerJob;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        Map<String, Integer> perType = configuration.getInvocationsPerBatchJobByBatchType() == null ? new HashMap<>()
                : new HashMap<>(configuration.getInvocationsPerBatchJobByBatchType());
        perType.put(Batch.TYPE_PROCESS_INSTANCE_MIGRATION, instancesPerJob);
        configuration.setInvocationsPerBatchJobByBatchType(perType);
    }
}
