package com.customerlifecycle.processes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.junit.jupiter.api.Test;

/**
 * Runs after all tests ({@code verify} phase): every flow node and sequence flow of every process in
 * {@code processes/} must have been driven by some process test, as the coverage reports of the {@code *ProcessTest}
 * classes record it. A path nobody tests fails the build, named.
 */
class ProcessCoverageGate {

    private static final Path REPORTS = Path.of("target", "process-test-coverage");

    @Test
    void everyElementOfEveryProcessIsDrivenBySomeProcessTest() throws IOException {
        Map<String, Set<String>> covered = coveredElements();
        List<String> missing = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("processes"))) {
            for (Path diagram : files.filter(file -> file.toString().endsWith(".bpmn")).sorted().toList()) {
                BpmnModelInstance model = Bpmn.readModelFromFile(diagram.toFile());
                String processKey = model.getModelElementsByType(Process.class).iterator().next().getId();
                Set<String> driven = covered.getOrDefault(processKey, Set.of());
                Stream.concat(model.getModelElementsByType(FlowNode.class).stream().map(FlowNode::getId),
                                model.getModelElementsByType(SequenceFlow.class).stream().map(SequenceFlow::getId))
                        .filter(id -> !driven.contains(id))
                        .forEach(id -> missing.add(processKey + ": " + id));
            }
        }
        assertThat(missing).as("elements no process test drives (reports in %s)", REPORTS).isEmpty();
    }

    private static Map<String, Set<String>> coveredElements() throws IOException {
        ObjectMapper json = new ObjectMapper();
        Map<String, Set<String>> covered = new HashMap<>();
        assertThat(REPORTS).as("process test coverage reports; run the process tests first").isDirectory();
        try (Stream<Path> reports = Files.walk(REPORTS)) {
            for (Path report : reports.filter(file -> file.getFileName().toString().equals("report.json")).toList()) {
                for (JsonNode event : json.readTree(report.toFile()).findValues("events")) {
                    event.forEach(e -> covered.computeIfAbsent(e.get("modelKey").asText(), key -> new HashSet<>())
                            .add(e.get("definitionKey").asText()));
                }
            }
        }
        return covered;
    }
}
