package com.customerlifecycle.lead;

import java.net.URI;

import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** The website's trial sign-up and the lead it becomes. */
@RestController
@RequestMapping("/api")
class LeadController {

    private final TrialSignUpService signUps;

    LeadController(TrialSignUpService signUps) {
        this.signUps = signUps;
    }

    /** 201 with the new lead; 200 with the existing lead when this e-mail's trial is still open. */
    @PostMapping("/trials")
    ResponseEntity<Lead> signUp(@Valid @RequestBody TrialSignUp signUp) {
        TrialSignUpService.SignUpResult result = signUps.signUp(signUp);
        if (!result.created()) {
            return ResponseEntity.ok(result.lead());
        }
        return ResponseEntity.created(URI.create("/api/leads/" + result.lead().leadId())).body(result.lead());
    }

    @GetMapping("/leads/{leadId}")
    Lead lead(@PathVariable String leadId) {
        return signUps.find(leadId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No lead with id " + leadId));
    }
}
