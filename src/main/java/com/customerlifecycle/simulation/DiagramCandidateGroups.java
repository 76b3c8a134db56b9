package com.customerlifecycle.simulation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.instance.UserTask;

/**
 * The candidate groups a user task's diagram names ({@code camunda:candidateGroups}), read once per process
 * definition and task id: which queue an open task is in, and which role a task of the history belongs to.
 */
final class DiagramCandidateGroups {

    private final RepositoryService repository;
    private final Map<String, List<String>> byTask = new HashMap<>();

    DiagramCandidateGroups(RepositoryService repository) {
        this.repository = repository;
    }

    /** As written in the diagram: an entry may be an expression, which only the engine resolves. */
    List<String> of(String processDefinitionId, String taskDefinitionKey) {
        return byTask.computeIfAbsent(processDefinitionId + "/" + taskDefinitionKey, key -> {
            UserTask userTask = repository.getBpmnModelInstance(processDefinitionId).getModelElementById(taskDefinitionKey);
            return userTask == null ? List.of() : userTask.getCamundaCandidateGroupsList();
        });
    }
}
