package com.customerlifecycle.onetomany;

import com.customerlifecycle.api.SafeText;
import com.customerlifecycle.customer.Customer;
import com.customerlifecycle.customer.CustomerRepository;
import com.customerlifecycle.customer.CustomerStatus;
import com.customerlifecycle.success.SuccessProcess;
import jakarta.validation.Valid;
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

/** A tech-touch customer books its one CSM hour of the quarter (from the help centre). */
@RestController
class OneToManySessionController {

    record SessionRequest(@NotBlank @Size(max = 2000) @SafeText(multiline = true) String question) {
    }

    private final OneToManySessions sessions;
    private final CustomerRepository customers;
    private final TransactionTemplate transaction;

    OneToManySessionController(OneToManySessions sessions, CustomerRepository customers,
                               PlatformTransactionManager transactionManager) {
        this.sessions = sessions;
        this.customers = customers;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    @PostMapping("/api/customers/{customerId}/one-to-many-sessions")
    ResponseEntity<OneToManySessions.Booking> book(@PathVariable String customerId, @Valid @RequestBody SessionRequest body) {
        Customer customer = customers.findById(customerId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No customer with id " + customerId));
        if (customer.status() != CustomerStatus.ACTIVE || !SuccessProcess.TECH_TOUCH.equals(customer.touchTier())) {
            throw new ResponseStatusException(HttpStatus.UNPROCESSABLE_ENTITY, "One-to-many sessions are for active "
                    + "tech-touch customers; " + customer.company() + " is " + customer.status().code() + " and "
                    + customer.touchTier() + " (its CSM is the contact)");
        }
        try {
            OneToManySessions.Booking booking = transaction.execute(status -> sessions.book(customer, body.question().trim()));
            return ResponseEntity.status(HttpStatus.CREATED).body(booking);
        } catch (DuplicateKeyException alreadyBooked) {
            throw new ResponseStatusException(HttpStatus.CONFLICT,
                    customer.company() + " already booked its one-to-many session this quarter");
        }
    }
}
