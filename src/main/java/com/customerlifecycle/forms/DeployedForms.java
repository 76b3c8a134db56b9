package com.customerlifecycle.forms;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.cmd.GetCamundaFormDefinitionCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.form.CamundaFormRefImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.repository.CamundaFormDefinition;
import org.springframework.stereotype.Component;

/**
 * The Camunda Form a user task shows ({@code camunda:formRef} with its binding: latest, deployment or version), as the
 * engine resolves it for Tasklist; each deployed form is read and parsed once.
 */
@Component
class DeployedForms {

    private final Map<String, CamundaForm> byDefinitionId = new ConcurrentHashMap<>();

    /** The form of the task, or {@code null} for a task without a Camunda Form. */
    CamundaForm of(TaskDefinition task, VariableScope scope, String deploymentId, String activityId) {
        Expression key = task.getCamundaFormDefinitionKey();
        if (key == null) {
            return null;
        }
        CamundaFormRefImpl reference = new CamundaFormRefImpl(String.valueOf(key.getValue(scope)),
                task.getCamundaFormDefinitionBinding());
        if (task.getCamundaFormDefinitionVersion() != null) {
            reference.setVersion(Integer.valueOf(String.valueOf(task.getCamundaFormDefinitionVersion().getValue(scope))));
        }
        CommandContext commandContext = Context.getCommandContext();
        CamundaFormDefinition deployed = commandContext.runWithoutAuthorization(
                new GetCamundaFormDefinitionCmd(reference, deploymentId));
        if (deployed == null) {
            throw new ProcessEngineException("No deployed Camunda Form " + reference.getKey() + " for task " + activityId);
        }
        return byDefinitionId.computeIfAbsent(deployed.getId(), id -> {
            ResourceEntity resource = commandContext.getResourceManager()
                    .findResourceByDeploymentIdAndResourceName(deployed.getDeploymentId(), deployed.getResourceName());
            return CamundaForm.parse(resource.getBytes());
        });
    }
}
