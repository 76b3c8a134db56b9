package com.customerlifecycle.forms;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.FeelException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
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
        ExecutionListener check = this::check;
        // first: the diagram's own end listeners (rules a form cannot state) read checked values
        UserTaskParsing.forEveryUserTask(configuration,
                activity -> activity.addBuiltInListener(ExecutionListener.EVENTNAME_END, check, 0));
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
        Map<String, Object> defaults = new HashMap<>();
        form.fields().stream().filter(field -> field.defaultValue() != null)
                .forEach(field -> defaults.put(field.key(), field.defaultValue()));
        SubmittedValues submitted = new SubmittedValues(execution, defaults);
        for (CamundaForm.Field field : form.fields()) {
            if (isTrue(field.hideCondition(), field, submitted)) {
                continue;
            }
            Object value = submitted.get(field.key());
            FieldCheck.Result result = FieldCheck.check(field, value, allowedValues(field, submitted));
            if (!result.ok()) {
                throw new FormFieldValidationException(field.key(), result.problem());
            }
            if (result.value() != null && !result.value().equals(execution.getVariable(field.key()))) {
                execution.setVariable(field.key(), result.value());
            }
        }
    }

    private boolean isTrue(String condition, CamundaForm.Field field, SubmittedValues submitted) {
        return condition != null && condition.startsWith("=")
                && Boolean.TRUE.equals(evaluate(condition, field, submitted));
    }

    private Object evaluate(String expression, CamundaForm.Field field, SubmittedValues submitted) {
        try {
            return feel.evaluateSimpleExpression(expression.substring(1), submitted);
        } catch (FeelException notEvaluable) {
            throw new ProcessEngineException("The expression " + expression + " of form field " + field.key()
                    + " cannot be evaluated: " + notEvaluable.getMessage(), notEvaluable);
        }
    }

    /**
     * Fixed options, or the options a variable named by {@code valuesKey} holds, or the options a
     * {@code valuesExpression} gives: a list, or JSON (a Camunda Json variable), of values or {label, value} entries.
     */
    private List<Object> allowedValues(CamundaForm.Field field, SubmittedValues submitted) {
        if (field.hasFixedValues()) {
            return field.values();
        }
        Object options = field.valuesKey() != null ? submitted.get(field.valuesKey())
                : field.valuesExpression() != null ? evaluate(field.valuesExpression(), field, submitted) : null;
        return CamundaForm.optionValues(options);
    }
}
