package com.customerlifecycle.processes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import com.customerlifecycle.identity.StaffRole;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The house rules for every diagram a process owner keeps in {@code processes/}. */
class ProcessModelRulesTest {

    private static final Path PROCESSES = Path.of("processes");
    /** Processes of the one-to-many team that serve many customers at once. */
    private static final Set<String> NOT_ABOUT_ONE_COMPANY = Set.of("webinar");
    private static final Set<String> ROLES = new HashSet<>(Arrays.stream(StaffRole.values()).map(StaffRole::groupId).toList());

    static List<Path> diagrams() throws IOException {
        try (Stream<Path> files = Files.list(PROCESSES)) {
            return files.filter(file -> file.toString().endsWith(".bpmn")).sorted().toList();
        }
    }

    @ParameterizedTest
    @MethodSource("diagrams")
    void everyUserTaskBelongsToOneOfTheSevenRolesHasAnExistingFormAndADeadline(Path diagram) throws IOException {
        BpmnModelInstance model = Bpmn.readModelFromFile(diagram.toFile());
        Set<String> formIds = formIds();

        Collection<UserTask> userTasks = model.getModelElementsByType(UserTask.class);
        for (UserTask task : userTasks) {
            List<String> groups = task.getCamundaCandidateGroupsList();
            assertThat(groups).as("candidate groups of %s", task.getId()).isNotEmpty();
            assertThat(ROLES).as("candidate groups of %s", task.getId()).containsAll(groups);
            assertThat(task.getCamundaFormRef()).as("form of %s", task.getId()).isNotBlank();
            assertThat(formIds).as("form of %s", task.getId()).contains(task.getCamundaFormRef());
            assertThat(task.getCamundaDueDate()).as("deadline (due date) of %s", task.getId()).isNotBlank();
            if (!NOT_ABOUT_ONE_COMPANY.contains(model.getModelElementsByType(Process.class).iterator().next().getId())) {
                assertThat(task.getName()).as("name of %s says what to do for which company", task.getId())
                        .contains("${company}");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("diagrams")
    void fileIsNamedAfterItsProcessWithMeaningfulIdsAndHistoryTimeToLive(Path diagram) {
        BpmnModelInstance model = Bpmn.readModelFromFile(diagram.toFile());

        Collection<Process> processes = model.getModelElementsByType(Process.class);
        assertThat(processes).as("one executable process per file").hasSize(1);
        Process process = processes.iterator().next();
        assertThat(diagram.getFileName().toString()).isEqualTo(process.getId() + ".bpmn");
        assertThat(process.getCamundaHistoryTimeToLiveString()).isNotBlank();
        for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
            assertThat(node.getId()).as("generated id").doesNotMatch("(Activity|Event|Gateway|Flow)_[0-9a-z]{7}");
            assertThat(node.getName()).as("label of %s", node.getId()).isNotBlank();
        }
    }

    private static Set<String> formIds() throws IOException {
        ObjectMapper json = new ObjectMapper();
        Set<String> ids = new HashSet<>();
        try (Stream<Path> files = Files.list(PROCESSES)) {
            for (Path form : files.filter(file -> file.toString().endsWith(".form")).toList()) {
                ids.add(json.readTree(form.toFile()).get("id").asText());
            }
        }
        return ids;
    }
}
