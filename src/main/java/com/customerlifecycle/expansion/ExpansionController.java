package com.customerlifecycle.expansion;

import com.customerlifecycle.api.SafeText;
import com.customerlifecycle.customer.CustomerRepository;
import com.customerlifecycle.customer.CustomerStatus;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Usage analytics (or any outside system) signals that a customer could grow: the AM gets it. */
@RestController
class ExpansionController {

    record ExpansionSignal(@NotBlank @Size(max = 1000) @SafeText(multiline = true) String reason, @Min(1) @Max(1_000_000) Integer seatsRequested) {
    }

    record ExpansionView(String expansionId, String processInstanceId, boolean opened) {
    }

    private final ExpansionSignals signals;
    private final CustomerRepository customers;
    private final TransactionTemplate transaction;

    ExpansionController(ExpansionSignals signals, CustomerRepository customers,
                        PlatformTransactionManager transactionManager) {
        this.signals = signals;
        this.customers = customers;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    /** 201 when a new expansion opened; 200 when the signal joined the customer's open expansion. */
    @PostMapping("/api/customers/{customerId}/expansion-signals")
    ResponseEntity<ExpansionView> signal(@PathVariable String customerId, @Valid @RequestBody ExpansionSignal body) {
        var customer = customers.findById(customerId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No customer with id " + customerId));
        if (customer.status() != CustomerStatus.ACTIVE) {
            throw new ResponseStatusException(HttpStatus.UNPROCESSABLE_ENTITY,
                    "Customer " + customerId + " is " + customer.status().code() + ": only active customers expand");
        }
        ExpansionSignals.Signal signal = new ExpansionSignals.Signal(body.reason().trim(), body.seatsRequested(), "usage signal");
        ExpansionSignals.Result result;
        try {
            result = transaction.execute(status -> signals.signal(customerId, signal));
        } catch (DuplicateKeyException concurrentSignal) {
            // a concurrent signal opened the expansion first: this one joins it
            result = transaction.execute(status -> signals.signal(customerId, signal));
        }
        ExpansionView view = new ExpansionView(result.expansionId(), result.processInstanceId(), result.opened());
        return ResponseEntity.status(result.opened() ? HttpStatus.CREATED : HttpStatus.OK).body(view);
    }
}
