package com.customerlifecycle.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;

/**
 * What a task's Camunda Form shows a person, checked against the task's variables: no date and no amount of money
 * reaches the text raw (a {@code java.util.Date}, an ISO instant, a number named {@code …Value}); each must be the
 * prepared {@code {{xText}}}, and every prepared value the form shows exists.
 */
public final class ShownForm {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern TEMPLATE = Pattern.compile("\\{\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}}");
    private static final Pattern ISO_INSTANT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}");

    private ShownForm() {
    }

    public static void assertReadsLikeALetter(FormService formService, TaskService taskService, Task task) {
        Map<String, Object> variables = taskService.getVariables(task.getId());
        for (String shown : shownVariables(formService, task)) {
            Object value = variables.get(shown);
            String where = task.getTaskDefinitionKey() + " shows {{" + shown + "}}";
            if (shown.endsWith("Text")) {
                assertThat(value).as(where + ", prepared when the task was created").isInstanceOf(String.class);
            }
            assertThat(value instanceof Date).as(where + ": a date needs {{" + shown + "Text}}").isFalse();
            assertThat(value instanceof Number && shown.endsWith("Value"))
                    .as(where + ": an amount needs {{" + shown + "Text}}").isFalse();
            assertThat(value instanceof String text && ISO_INSTANT.matcher(text).find())
                    .as(where + ": a raw instant %s", value).isFalse();
        }
    }

    private static List<String> shownVariables(FormService formService, Task task) {
        List<String> names = new ArrayList<>();
        try (InputStream form = formService.getDeployedTaskForm(task.getId())) {
            collect(JSON.readTree(form).path("components"), names);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }

    private static void collect(JsonNode components, List<String> names) {
        for (JsonNode component : components) {
            collect(component.path("components"), names);
            for (String shown : List.of("text", "label", "description")) {
                Matcher reference = TEMPLATE.matcher(component.path(shown).asText(""));
                while (reference.find()) {
                    names.add(reference.group(1));
                }
            }
        }
    }
}
