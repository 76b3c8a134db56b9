package com.customerlifecycle.forms;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.FeelException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.springframework.stereotype.Component;

/**
 * One check of task input for every process: when a user task with a Camunda Form ({@code camunda:formRef}) is
 * completed (as the task ends, before the process moves on), each visible field of the deployed form checks the
 * submitted value against the form's own rules ({@link FieldCheck}); a field whose {@code conditional.hide} FEEL
 * condition holds is hidden and not checked, as in the browser. A field left out takes the form's default value;
 * numbers are stored normalized. A failed check throws
 * {@link FormFieldValidationException} naming the field: the completion is rolled back, the task stays open, and
 * Camunda's REST API and Tasklist answer 400. Rules a form cannot state live beside their process.
 */
@Component
public class SubmittedFormCheck extends AbstractProcessEnginePlugin {

    private final DeployedForms forms;
    private FeelEngine feel;

    SubmittedFormCheck(DeployedForms forms) {
        this.forms = forms;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<BpmnParseListener> listeners = new ArrayList<>();
        if (configuration.getCustomPostBPMNParseListeners() != null) {
            listeners.addAll(configuration.getCustomPostBPMNParseListeners());
        }
        listeners.add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
                ExecutionListener check = SubmittedFormCheck.this::check;
                activity.addBuiltInListener(ExecutionListener.EVENTNAME_END, check);
            }
        });
        configuration.setCustomPostBPMNParseListeners(listeners);
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        feel = ((DefaultDmnEngineConfiguration) configuration.getDmnEngineConfiguration()).getFeelEngine();
    }

    /** As the user task ends: not when an event or a cancellation ends it, only when someone completed it. */
    private void check(DelegateExecution delegateExecution) {
        ExecutionEntity execution = (ExecutionEntity) delegateExecution;
        if (execution.isCanceled()) {
            return;
        }
        CamundaForm form = forms.of(((UserTaskActivityBehavior) execution.getActivity().getActivityBehavior())
                .getTaskDefinition(), execution, execution.getProcessDefinition().getDeploymentId(),
                execution.getCurrentActivityId());
        if (form == null) {
            return;
        }
        VariableContext submitted = Variables.fromMap(execution.getVariables()).asVariableContext();
        for (CamundaForm.Field field : form.fields()) {
            Object value = execution.getVariable(field.key());
            if (hidden(field, submitted)) {
                continue;
            }
            if (value == null && field.defaultValue() != null) {
                value = field.defaultValue();
            }
            FieldCheck.Result result = FieldCheck.check(field, value, allowedValues(field, execution));
            if (!result.ok()) {
                throw new FormFieldValidationException(field.key(), result.problem());
            }
            if (result.value() != null && !result.value().equals(execution.getVariable(field.key()))) {
                execution.setVariable(field.key(), result.value());
            }
        }
    }

    private boolean hidden(CamundaForm.Field field, VariableContext submitted) {
        if (field.hideCondition() == null || !field.hideCondition().startsWith("=")) {
            return false;
        }
        try {
            Object hide = feel.evaluateSimpleExpression(field.hideCondition().substring(1), submitted);
            return Boolean.TRUE.equals(hide);
        } catch (FeelException notEvaluable) {
            throw new ProcessEngineException("The hide condition " + field.hideCondition() + " of form field "
                    + field.key() + " cannot be evaluated: " + notEvaluable.getMessage(), notEvaluable);
        }
    }

    /**
     * Fixed options, or the options a variable named by {@code valuesKey} holds: a list, or JSON (a Camunda Json
     * variable), of values or {label, value} entries.
     */
    private static List<Object> allowedValues(CamundaForm.Field field, ExecutionEntity execution) {
        if (field.hasFixedValues() || field.valuesKey() == null) {
            return field.values();
        }
        Object options = execution.getVariable(field.valuesKey());
        List<Object> allowed = new ArrayList<>();
        if (options instanceof Collection<?> entries) {
            for (Object entry : entries) {
                Object value = entry instanceof Map<?, ?> option ? option.get("value") : entry;
                allowed.add(value instanceof Number number ? new BigDecimal(number.toString()) : value);
            }
        } else if (options != null) {
            allowed.addAll(CamundaForm.optionValues(options.toString()));
        }
        return allowed;
    }
}
