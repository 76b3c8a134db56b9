package com.customerlifecycle.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.customerlifecycle.testing.DemoApplicationTest;
import com.customerlifecycle.testing.Http;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The one form-input check, driven by the forms themselves: for every Camunda Form in {@code processes/}, a user task
 * that uses it is completed over Camunda's REST API with one bad value at a time, derived from the field's own
 * declaration (missing while required, below min, above max, too many decimals, too short, too long, not matching the
 * pattern, not an e-mail, not one of the listed values, of the wrong type): each answer is 400 naming the field, and
 * the task stays open. Then the valid input completes it. A new form is covered without a new test.
 */
@DemoApplicationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FormInputApiTest {

    private static final String PROBE_PROCESS = "form-input-probe";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern NOT_EQUAL = Pattern.compile("^(\\w+) != \"([^\"]*)\"$");
    private static final Pattern NOT = Pattern.compile("^not\\((\\w+)\\)$");
    private static final Pattern PLAIN = Pattern.compile("^(\\w+)$");

    @LocalServerPort
    int port;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;

    private final List<String> deployments = new ArrayList<>();

    @TestFactory
    Stream<DynamicTest> everyFormRefusesWhatItsOwnRulesForbid() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("processes"))) {
            return files.filter(file -> file.toString().endsWith(".form")).sorted().toList().stream()
                    .map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> checkForm(file)));
        }
    }

    @AfterAll
    void removeProbes() {
        deployments.forEach(id -> repositoryService.deleteDeployment(id, true));
    }

    private void checkForm(Path file) throws IOException {
        CamundaForm form = CamundaForm.parse(Files.readAllBytes(file));
        deployProbeFor(form.id());
        Map<String, Object> valid = validInput(form);
        String processInstanceId = runtimeService.startProcessInstanceByKey(PROBE_PROCESS + "-" + form.id(), valid).getId();
        String taskId = taskService.createTaskQuery().processInstanceId(processInstanceId).singleResult().getId();
        Http sara = Http.as("sara", port);

        int refusals = 0;
        for (CamundaForm.Field field : form.fields()) {
            Map<String, Object> visible = new LinkedHashMap<>(valid);
            visible.putAll(showing(field));
            for (Map.Entry<String, Object> bad : badValues(field).entrySet()) {
                Map<String, Object> input = new LinkedHashMap<>(visible);
                input.put(field.key(), bad.getValue());
                Http.Response answer = sara.postJson("/engine-rest/task/" + taskId + "/complete", body(input));
                assertThat(answer.status()).as("%s, %s: %s (%s)", form.id(), field.key(), bad.getKey(), answer.body())
                        .isEqualTo(400);
                assertThat(answer.json().get("message").asText()).as("%s: %s", field.key(), bad.getKey())
                        .contains(field.key());
                refusals++;
            }
        }
        assertThat(sara.get("/engine-rest/task/" + taskId).status()).as("the task is still open").isEqualTo(200);
        assertThat(refusals).as("%s declares something to check", form.id()).isPositive();

        Http.Response completed = sara.postJson("/engine-rest/task/" + taskId + "/complete", body(valid));
        assertThat(completed.status()).as("valid input completes %s: %s", form.id(), completed.body()).isEqualTo(204);
    }

    private void deployProbeFor(String formId) {
        BpmnModelInstance probe = Bpmn.createExecutableProcess(PROBE_PROCESS + "-" + formId)
                .camundaHistoryTimeToLive(1)
                .startEvent()
                .userTask("Task_Probe").name("Probe " + formId).camundaFormRef(formId).camundaFormRefBinding("latest")
                .camundaCandidateGroups("sdr")
                .endEvent()
                .done();
        deployments.add(repositoryService.createDeployment().name("form input probe " + formId)
                .addModelInstance(PROBE_PROCESS + "-" + formId + ".bpmn", probe).deploy().getId());
    }

    /** A value each field accepts (and the options of fields whose options come from a variable). */
    private static Map<String, Object> validInput(CamundaForm form) {
        Map<String, Object> input = new LinkedHashMap<>();
        for (CamundaForm.Field field : form.fields()) {
            if (field.valuesKey() != null) {
                input.put(field.valuesKey(), new ArrayList<>(List.of(new HashMap<>(Map.of("label", "The only option", "value", 1)))));
            }
            input.put(field.key(), validValue(field));
        }
        return input;
    }

    private static Object validValue(CamundaForm.Field field) {
        return switch (field.type()) {
            case "number" -> field.min() != null ? field.min() : field.max() != null ? field.max() : BigDecimal.ONE;
            case "checkbox" -> true;
            case "select", "radio" -> field.hasFixedValues() ? field.values().get(0) : BigDecimal.ONE;
            case "checklist", "taglist" -> List.of(field.hasFixedValues() ? field.values().get(0) : BigDecimal.ONE);
            case "datetime" -> switch (field.subtype()) {
                case "date" -> ClockUtil.getCurrentTime().toInstant().atOffset(ZoneOffset.UTC).plusDays(30).toLocalDate().toString();
                case "time" -> "09:30";
                default -> OffsetDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZoneOffset.UTC).plusDays(30)
                        .withNano(0).toString();
            };
            default -> Stream.of("https://example.com/recording", "ada@example.com", "Agreed next steps")
                    .filter(text -> field.pattern() == null || Pattern.compile(field.pattern()).matcher(text).find())
                    .filter(text -> !"email".equals(field.validationType()) || text.contains("@"))
                    .map(text -> field.minLength() == null || text.length() >= field.minLength() ? text
                            : text + "x".repeat(field.minLength() - text.length()))
                    .findFirst().orElseThrow(() -> new AssertionError("No valid text derived for " + field.key()));
        };
    }

    /** The variables under which the field's hide condition is false (the forms' condition shapes). */
    private static Map<String, Object> showing(CamundaForm.Field field) {
        Map<String, Object> variables = new LinkedHashMap<>();
        if (field.hideCondition() == null) {
            return variables;
        }
        for (String part : field.hideCondition().substring(1).split(" or ")) {
            String condition = part.trim();
            Matcher notEqual = NOT_EQUAL.matcher(condition);
            Matcher not = NOT.matcher(condition);
            Matcher plain = PLAIN.matcher(condition);
            if (notEqual.matches()) {
                variables.put(notEqual.group(1), notEqual.group(2));
            } else if (not.matches()) {
                variables.put(not.group(1), true);
            } else if (plain.matches()) {
                variables.put(plain.group(1), false);
            } else {
                throw new AssertionError("Teach this test to show a field hidden by " + field.hideCondition());
            }
        }
        return variables;
    }

    /** What the field must refuse, by what it declares; each with the rule it breaks. */
    private static Map<String, Object> badValues(CamundaForm.Field field) {
        Map<String, Object> bad = new LinkedHashMap<>();
        if (field.required()) {
            bad.put("required, missing", null);
            if (!"checkbox".equals(field.type()) && !"number".equals(field.type())) {
                bad.put("required, blank", "  ");
            }
            if ("checkbox".equals(field.type())) {
                bad.put("required, not ticked", false);
            }
        }
        switch (field.type()) {
            case "number" -> {
                bad.put("not a number", "many");
                if (field.min() != null) {
                    bad.put("below min", field.min().subtract(BigDecimal.ONE));
                }
                if (field.max() != null) {
                    bad.put("above max", field.max().add(BigDecimal.ONE));
                }
                if (field.decimalDigits() != null) {
                    bad.put("too many decimals", ((BigDecimal) validValue(field)).add(BigDecimal.ONE.movePointLeft(field.decimalDigits() + 1)));
                }
            }
            case "checkbox" -> bad.put("not true or false", "yes");
            case "select", "radio" -> bad.put("not in the list", "something-else");
            case "checklist", "taglist" -> bad.put("not in the list", List.of("something-else"));
            case "datetime" -> bad.put("not a date", "next Tuesday");
            default -> {
                bad.put("not a text", 42);
                if (field.maxLength() != null) {
                    bad.put("too long", "x".repeat(field.maxLength() + 1));
                }
                if (field.minLength() != null && field.minLength() > 1) {
                    bad.put("too short", "x".repeat(field.minLength() - 1));
                }
                if (field.pattern() != null) {
                    Predicate<String> matches = text -> Pattern.compile(field.pattern()).matcher(text).find();
                    Stream.of("::", "no match", "0").filter(matches.negate()).findFirst()
                            .ifPresent(text -> bad.put("not matching " + field.pattern(), text));
                }
                if ("email".equals(field.validationType())) {
                    bad.put("not an e-mail", "ada at example");
                }
            }
        }
        return bad;
    }

    private static String body(Map<String, Object> input) {
        Map<String, Object> variables = new LinkedHashMap<>();
        input.forEach((name, value) -> variables.put(name, typed(value)));
        try {
            return JSON.writeValueAsString(Map.of("variables", variables));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> typed(Object value) {
        Map<String, Object> typed = new LinkedHashMap<>();
        if (value == null) {
            typed.put("value", null);
            typed.put("type", "Null");
        } else if (value instanceof BigDecimal number) {
            typed.put("value", number);
            typed.put("type", number.stripTrailingZeros().scale() <= 0 ? "Long" : "Double");
        } else if (value instanceof List<?> list) {
            typed.put("value", JSON.valueToTree(list).toString());
            typed.put("type", "Json");
        } else {
            typed.put("value", value);
            typed.put("type", value instanceof Boolean ? "Boolean" : value instanceof Integer ? "Integer" : "String");
        }
        return typed;
    }
}
