package com.customerlifecycle.journey;

import java.util.List;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.MessageCorrelationResult;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.bpmn.instance.ThrowEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A message throw event between the customer's processes ({@code ${tellCustomerProcesses}}): the message the diagram
 * names goes to every process of the same customer (business key) waiting for it, e.g. "Customer churned" stops customer
 * success. Nobody waiting is fine: nothing to tell.
 */
@Component
class TellCustomerProcesses implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(TellCustomerProcesses.class);

    private final RuntimeService runtimeService;

    TellCustomerProcesses(RuntimeService runtimeService) {
        this.runtimeService = runtimeService;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String message = messageOf((ThrowEvent) execution.getBpmnModelElementInstance());
        List<MessageCorrelationResult> told = runtimeService.createMessageCorrelation(message)
                .processInstanceBusinessKey(execution.getProcessBusinessKey())
                .correlateAllWithResult();
        log.info("{} for {}: {} process(es) told", message, execution.getProcessBusinessKey(), told.size());
    }

    private static String messageOf(ThrowEvent event) {
        return event.getEventDefinitions().stream()
                .filter(MessageEventDefinition.class::isInstance)
                .map(definition -> ((MessageEventDefinition) definition).getMessage().getName())
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(event.getId() + " names no message to send"));
    }
}
