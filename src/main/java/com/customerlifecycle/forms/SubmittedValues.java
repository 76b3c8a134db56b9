package com.customerlifecycle.forms;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * What a form's FEEL conditions see as a task completes, as form-js sees it in the browser: the submitted and process
 * variables, with the form's default value for each field left out. Variables are read one by one, only those a
 * condition names, so no other (possibly serialized) variable is touched.
 */
final class SubmittedValues implements VariableContext {

    private final VariableScope scope;
    private final Map<String, Object> defaults;

    SubmittedValues(VariableScope scope, Map<String, Object> defaults) {
        this.scope = scope;
        this.defaults = defaults;
    }

    Object get(String name) {
        Object value = scope.getVariable(name);
        return value == null ? defaults.get(name) : value;
    }

    @Override
    public TypedValue resolve(String name) {
        if (scope.getVariable(name) == null && defaults.containsKey(name)) {
            return Variables.untypedValue(defaults.get(name));
        }
        return scope.getVariableTyped(name);
    }

    @Override
    public boolean containsVariable(String name) {
        return scope.hasVariable(name) || defaults.containsKey(name);
    }

    @Override
    public Set<String> keySet() {
        Set<String> names = new HashSet<>(scope.getVariableNames());
        names.addAll(defaults.keySet());
        return names;
    }
}
