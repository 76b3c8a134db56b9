package com.customerlifecycle.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * What a process owner does in Modeler, done to a diagram of {@code processes/} for tests of migrations: add a step,
 * change a timer, rename an activity. The result deploys as a new version of the same process.
 */
public final class DiagramChanges {

    private final String fileName;
    private final BpmnModelInstance model;

    private DiagramChanges(String fileName, BpmnModelInstance model) {
        this.fileName = fileName;
        this.model = model;
    }

    /** The diagram as the application deploys it, e.g. {@code customer-success.bpmn}. */
    public static DiagramChanges of(String fileName) {
        try (InputStream in = DiagramChanges.class.getResourceAsStream("/processes/" + fileName)) {
            if (in == null) {
                throw new IllegalArgumentException("No diagram processes/" + fileName);
            }
            return new DiagramChanges(fileName, Bpmn.readModelFromStream(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A new user task for the group right after {@code afterId}: the flow that left it now leaves the new task. */
    public DiagramChanges addUserTaskAfter(String afterId, String taskId, String name, String candidateGroup) {
        FlowNode after = model.getModelElementById(afterId);
        SequenceFlow leaving = model.getModelElementsByType(SequenceFlow.class).stream()
                .filter(flow -> flow.getSource() == after).findFirst().orElseThrow();
        UserTask task = model.newInstance(UserTask.class);
        task.setId(taskId);
        task.setName(name);
        task.setCamundaCandidateGroups(candidateGroup);
        after.getParentElement().addChildElement(task);
        SequenceFlow toTask = model.newInstance(SequenceFlow.class);
        toTask.setId("SequenceFlow_To" + taskId);
        after.getParentElement().addChildElement(toTask);
        toTask.setSource(after);
        toTask.setTarget(task);
        leaving.setSource(task);
        return this;
    }

    /** The timer waits this long ({@code P14D}) or until this expression's date instead. */
    public DiagramChanges setTimer(String timerEventId, String durationOrDateExpression) {
        ModelElementInstance event = model.getModelElementById(timerEventId);
        TimerEventDefinition timer = event.getChildElementsByType(TimerEventDefinition.class).iterator().next();
        if (timer.getTimeDuration() != null) {
            timer.getTimeDuration().setTextContent(durationOrDateExpression);
        } else {
            timer.getTimeDate().setTextContent(durationOrDateExpression);
        }
        return this;
    }

    /** The activity gets another id: to the engine, the old activity is gone and a new one took its place. */
    public DiagramChanges renameActivity(String activityId, String newId) {
        FlowNode node = model.getModelElementById(activityId);
        node.setId(newId);
        return this;
    }

    /** Deploys the changed diagram through the engine, as a new version of its process. */
    public ProcessDefinition deploy(RepositoryService repositoryService, String deploymentName) {
        String deploymentId = repositoryService.createDeployment().name(deploymentName).addModelInstance(fileName, model)
                .deploy().getId();
        return repositoryService.createProcessDefinitionQuery().deploymentId(deploymentId).singleResult();
    }

    public byte[] bytes() {
        return Bpmn.convertToString(model).getBytes(StandardCharsets.UTF_8);
    }
}
