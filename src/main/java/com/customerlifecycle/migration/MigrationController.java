package com.customerlifecycle.migration;

import java.net.URI;
import java.util.List;
import java.util.Map;

import com.customerlifecycle.security.EngineUser;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.camunda.bpm.engine.AuthorizationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Process owners move running customers to a newer version of a diagram: the versions with their running instances,
 * a dry run that says what would move and what is blocked, and the migration itself as Camunda batches.
 */
@RestController
class MigrationController {

    private static final String ID = "[A-Za-z_][A-Za-z0-9_.\\-]*";
    private static final String ID_MESSAGE = "must be an id as in the diagram: letters, digits, _ . -";
    /** An activity id, or the multi-instance body of one ({@code Task_X#multiInstanceBody}), as the engine names it. */
    private static final String ACTIVITY = ID + "(#multiInstanceBody)?";

    record MigrationBody(
            @NotBlank @Size(max = 255) @Pattern(regexp = ID, message = ID_MESSAGE) String processKey,
            @Min(1) Integer sourceVersion,
            @Min(1) Integer targetVersion,
            Boolean dryRun,
            @Size(max = 500) Map<@Size(max = 255) @Pattern(regexp = ACTIVITY, message = ID_MESSAGE) String,
                    @NotBlank @Size(max = 255) @Pattern(regexp = ACTIVITY, message = ID_MESSAGE) String> mappings,
            @Size(max = 100) Map<@Size(max = 255) @Pattern(regexp = ID, message = ID_MESSAGE) String, Object> variables) {

        MigrationPlanner.Request request() {
            return new MigrationPlanner.Request(processKey, sourceVersion, targetVersion, mappings, variables);
        }
    }

    private final ProcessVersions versions;
    private final ProcessMigrations migrations;
    private final EngineUser engineUser;

    MigrationController(ProcessVersions versions, ProcessMigrations migrations, EngineUser engineUser) {
        this.versions = versions;
        this.migrations = migrations;
        this.engineUser = engineUser;
    }

    @GetMapping("/api/process-versions")
    List<ProcessVersions.Process> processes(Authentication user) {
        return engineUser.call(user, versions::all);
    }

    @GetMapping("/api/process-versions/{key}")
    ProcessVersions.Process process(@PathVariable String key, Authentication user) {
        return engineUser.call(user, () -> versions.of(key))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No process with key '" + key
                        + "' is deployed."));
    }

    /** {@code dryRun} (the default): 200 with the report. Otherwise 202: the batches are created, the work goes on. */
    @PostMapping("/api/migrations")
    ResponseEntity<?> migrate(@Valid @RequestBody MigrationBody body, Authentication user) {
        try {
            if (body.dryRun() == null || body.dryRun()) {
                return ResponseEntity.ok(engineUser.call(user, () -> migrations.dryRun(body.request())));
            }
            ProcessMigrations.Started started = engineUser.call(user,
                    () -> migrations.start(body.request(), user.getName()));
            return ResponseEntity.accepted().location(URI.create("/api/migrations/" + started.migrationId()))
                    .body(started);
        } catch (MigrationPlanner.UnknownProcessException unknown) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, unknown.getMessage());
        } catch (ProcessMigrations.MigrationInProgressException busy) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, busy.getMessage());
        }
    }

    /** 400 naming the part of the request that is wrong, as every bad request of our API. */
    @ExceptionHandler(MigrationPlanner.InvalidMigrationException.class)
    ProblemDetail invalid(MigrationPlanner.InvalidMigrationException invalid) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                invalid.getMessage() + " Nothing was migrated.");
        problem.setTitle("Invalid migration");
        problem.setProperty("errors", List.of(Map.of("field", invalid.field(), "message", invalid.getMessage())));
        return problem;
    }

    /** The engine's own authorization check (e.g. a grant withdrawn in Admin) speaks as our API does. */
    @ExceptionHandler(AuthorizationException.class)
    ProblemDetail refused(AuthorizationException refused) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, "The engine does not allow this to "
                + refused.getUserId() + ": migrating needs MIGRATE_INSTANCE on both versions and the right to create"
                + " migration batches.");
    }

    @GetMapping("/api/migrations/{migrationId}")
    ProcessMigrations.Progress progress(@PathVariable String migrationId, Authentication user) {
        return engineUser.call(user, () -> migrations.progress(migrationId))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No migration with id " + migrationId));
    }
}
