package com.customerlifecycle.onetomany;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.customerlifecycle.api.SafeText;
import com.customerlifecycle.customer.CustomerRepository;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Upcoming webinars with seats left, and registrations from the help centre until the participant cap. */
@RestController
@RequestMapping("/api/webinars")
class WebinarController {

    record UpcomingWebinar(String webinarId, String topic, String kind, Instant startsAt, Integer participantCap,
                           Integer seatsLeft) {
    }

    record RegistrationRequest(@NotBlank @Size(max = 36) String customerId, @NotBlank @Size(max = 200) @SafeText String name,
                               @NotBlank @Email @Size(max = 254) @SafeText String email) {
    }

    record RegistrationView(String registrationId, String webinarId, String email) {
    }

    private final Webinars webinars;
    private final CustomerRepository customers;
    private final TransactionTemplate transaction;

    WebinarController(Webinars webinars, CustomerRepository customers, PlatformTransactionManager transactionManager) {
        this.webinars = webinars;
        this.customers = customers;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    @GetMapping
    List<UpcomingWebinar> upcoming() {
        return webinars.upcoming(ClockUtil.getCurrentTime().toInstant()).stream()
                .map(w -> new UpcomingWebinar(w.webinarId(), w.topic(), w.kind(), w.startsAt(), w.participantCap(), w.seatsLeft()))
                .toList();
    }

    /** 201 for a new registration, 200 when this e-mail was already registered; 409 when full or closed. */
    @PostMapping("/{webinarId}/registrations")
    ResponseEntity<RegistrationView> register(@PathVariable String webinarId, @Valid @RequestBody RegistrationRequest body) {
        String email = body.email().trim().toLowerCase();
        if (customers.findById(body.customerId()).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.UNPROCESSABLE_ENTITY, "No customer with id " + body.customerId());
        }
        try {
            return transaction.execute(status -> registerLocked(webinarId, body, email));
        } catch (DuplicateKeyException sameEmailMeanwhile) {
            Webinars.Registration existing = webinars.findRegistration(webinarId, email).orElseThrow();
            return ResponseEntity.ok(new RegistrationView(existing.registrationId(), webinarId, email));
        }
    }

    private ResponseEntity<RegistrationView> registerLocked(String webinarId, RegistrationRequest body, String email) {
        Webinars.Webinar webinar = webinars.findForUpdate(webinarId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No webinar with id " + webinarId));
        Optional<Webinars.Registration> existing = webinars.findRegistration(webinarId, email);
        if (existing.isPresent()) {
            return ResponseEntity.ok(new RegistrationView(existing.get().registrationId(), webinarId, email));
        }
        Instant now = ClockUtil.getCurrentTime().toInstant();
        if (!Webinars.OPEN.equals(webinar.status()) || !webinar.startsAt().isAfter(now)) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "Registration for \"" + webinar.topic() + "\" is closed");
        }
        if (webinar.seatsLeft() != null && webinar.seatsLeft() == 0) {
            throw new ResponseStatusException(HttpStatus.CONFLICT,
                    "\"" + webinar.topic() + "\" is full: all " + webinar.participantCap() + " seats are taken");
        }
        Webinars.Registration registration = webinars.register(webinarId, body.customerId(), body.name().trim(), email, now);
        return ResponseEntity.created(URI.create("/api/webinars/" + webinarId + "/registrations/" + registration.registrationId()))
                .body(new RegistrationView(registration.registrationId(), webinarId, email));
    }
}
