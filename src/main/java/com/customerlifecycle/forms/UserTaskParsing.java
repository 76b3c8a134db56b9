package com.customerlifecycle.forms;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;

/** Engine-wide behaviour for every user task of every deployed diagram, added as the engine parses it. */
final class UserTaskParsing {

    private UserTaskParsing() {
    }

    /** Calls {@code addTo} with each user task the engine parses from now on (call in a plugin's {@code preInit}). */
    static void forEveryUserTask(ProcessEngineConfigurationImpl configuration, Consumer<ActivityImpl> addTo) {
        List<BpmnParseListener> listeners = new ArrayList<>();
        if (configuration.getCustomPostBPMNParseListeners() != null) {
            listeners.addAll(configuration.getCustomPostBPMNParseListeners());
        }
        listeners.add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
                addTo.accept(activity);
            }
        });
        configuration.setCustomPostBPMNParseListeners(listeners);
    }
}
