package com.customerlifecycle.expansion;

import java.util.List;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.MessageCorrelationResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The AM extended the term: an open renewal of this customer learns it was handled by the AM (message
 * {@code RenewalHandledByAm}, by business key), so the renewal manager does not contact the customer. No open
 * renewal is fine: nothing to tell.
 */
@Component
class MarkRenewalHandledByAm implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(MarkRenewalHandledByAm.class);

    private final RuntimeService runtimeService;

    MarkRenewalHandledByAm(RuntimeService runtimeService) {
        this.runtimeService = runtimeService;
    }

    @Override
    public void execute(DelegateExecution execution) {
        List<MessageCorrelationResult> told = runtimeService
                .createMessageCorrelation(ExpansionProcess.RENEWAL_HANDLED_BY_AM_MESSAGE)
                .processInstanceBusinessKey(execution.getProcessBusinessKey())
                .correlateAllWithResult();
        log.info("Renewal handled by the AM for {}: {} open renewal(s) told", execution.getProcessBusinessKey(), told.size());
    }
}
