package com.customerlifecycle.migration;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.management.ActivityStatistics;
import org.camunda.bpm.engine.management.ProcessDefinitionStatistics;
import org.camunda.bpm.engine.repository.Deployment;
import org.springframework.stereotype.Service;

/** Every deployed version of every process, with how many customers run on each (and where they wait). */
@Service
public class ProcessVersions {

    /** One version of a process. {@code activityCounts}: running instances per activity, on request only. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Version(int version, String definitionId, Instant deployedAt, String deploymentName, String source,
                          long runningInstances, Map<String, Long> activityCounts) {
    }

    /** A process key with its versions, newest first. */
    public record Process(String key, String name, int latestVersion, List<Version> versions) {
    }

    private final RepositoryService repositoryService;
    private final ManagementService managementService;

    ProcessVersions(RepositoryService repositoryService, ManagementService managementService) {
        this.repositoryService = repositoryService;
        this.managementService = managementService;
    }

    /** All processes by key, each with its versions. */
    public List<Process> all() {
        return processes(key -> true, false);
    }

    /** One process with the running instances per activity of each version, if the key is deployed. */
    public Optional<Process> of(String key) {
        return processes(key::equals, true).stream().findFirst();
    }

    private List<Process> processes(Predicate<String> keys, boolean withActivityCounts) {
        List<ProcessDefinitionStatistics> definitions = managementService.createProcessDefinitionStatisticsQuery().list()
                .stream().filter(definition -> keys.test(definition.getKey())).toList();
        Map<String, Deployment> deployments = repositoryService.createDeploymentQuery().list().stream()
                .collect(Collectors.toMap(Deployment::getId, Function.identity()));
        Map<String, List<ProcessDefinitionStatistics>> byKey = new TreeMap<>(definitions.stream()
                .collect(Collectors.groupingBy(ProcessDefinitionStatistics::getKey)));
        List<Process> processes = new ArrayList<>();
        byKey.forEach((key, versions) -> {
            List<ProcessDefinitionStatistics> newestFirst = versions.stream()
                    .sorted(Comparator.comparingInt(ProcessDefinitionStatistics::getVersion).reversed())
                    .toList();
            ProcessDefinitionStatistics latest = newestFirst.get(0);
            processes.add(new Process(key, latest.getName() != null ? latest.getName() : key, latest.getVersion(),
                    newestFirst.stream().map(definition -> version(definition, deployments.get(definition.getDeploymentId()),
                            withActivityCounts)).toList()));
        });
        return processes;
    }

    private Version version(ProcessDefinitionStatistics definition, Deployment deployment, boolean withActivityCounts) {
        Map<String, Long> activityCounts = null;
        if (withActivityCounts) {
            activityCounts = new LinkedHashMap<>();
            if (definition.getInstances() > 0) {
                for (ActivityStatistics activity : managementService.createActivityStatisticsQuery(definition.getId())
                        .list().stream().sorted(Comparator.comparing(ActivityStatistics::getId)).toList()) {
                    activityCounts.put(activity.getId(), (long) activity.getInstances());
                }
            }
        }
        return new Version(definition.getVersion(), definition.getId(),
                deployment != null ? deployment.getDeploymentTime().toInstant() : null,
                deployment != null ? deployment.getName() : null,
                deployment != null ? deployment.getSource() : null,
                definition.getInstances(), activityCounts);
    }
}
