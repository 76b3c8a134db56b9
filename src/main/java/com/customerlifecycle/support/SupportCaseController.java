package com.customerlifecycle.support;

import java.net.URI;
import java.util.List;

import com.customerlifecycle.api.SafeText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** The helpdesk opens cases for leads and customers and reads them back. */
@RestController
class SupportCaseController {

    record CaseBody(
            @Size(max = 36) String leadId,
            @Size(max = 36) String customerId,
            @NotBlank @Pattern(regexp = "question|technical-issue|bug|integration|payment|setup-advice",
                    message = "must be one of question, technical-issue, bug, integration, payment, setup-advice")
            String category,
            @NotBlank @Pattern(regexp = "call|chat|email|mailing-reply",
                    message = "must be one of call, chat, email, mailing-reply") String channel,
            @NotBlank @Size(max = 200) @SafeText String subject,
            @NotBlank @Size(max = 4000) @SafeText(multiline = true) String description,
            @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9._:-]+", message = "letters, digits and . _ : - only")
            String externalRef) {

        @AssertTrue(message = "give exactly one of leadId and customerId")
        boolean isExactlyOneAccount() {
            return (leadId == null) != (customerId == null);
        }
    }

    private final SupportCases supportCases;

    SupportCaseController(SupportCases supportCases) {
        this.supportCases = supportCases;
    }

    /** 201 for a new case; 200 with the existing case when the helpdesk sends the same reference again. */
    @PostMapping("/api/support-cases")
    ResponseEntity<SupportCase> open(@Valid @RequestBody CaseBody body) {
        SupportCases.Opened opened;
        try {
            opened = supportCases.open(new SupportCases.CaseRequest(body.leadId(), body.customerId(), body.category(),
                    body.channel(), body.subject(), body.description(), body.externalRef()));
        } catch (SupportCases.UnknownAccountException unknown) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, unknown.getMessage());
        }
        if (!opened.created()) {
            return ResponseEntity.ok(opened.supportCase());
        }
        return ResponseEntity.created(URI.create("/api/support-cases/" + opened.supportCase().caseId()))
                .body(opened.supportCase());
    }

    @GetMapping("/api/support-cases/{caseId}")
    SupportCase supportCase(@PathVariable String caseId) {
        return supportCases.find(caseId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No support case with id " + caseId));
    }

    @GetMapping("/api/customers/{customerId}/support-cases")
    List<SupportCase> ofCustomer(@PathVariable String customerId) {
        return supportCases.ofCustomer(customerId);
    }
}
