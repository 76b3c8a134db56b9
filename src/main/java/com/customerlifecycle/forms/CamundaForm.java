package com.customerlifecycle.forms;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The input fields of a deployed Camunda Form (form-js schema) with what each declares about its value: its type,
 * {@code validate} rules, allowed {@code values} (fixed, or from a variable named by {@code valuesKey}), default value
 * and the FEEL condition that hides it; and the texts it shows. Fields inside groups count.
 */
public record CamundaForm(String id, List<Field> fields, List<String> texts) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern DISPLAYED = Pattern.compile("\\{\\{\\s*([A-Za-z_][A-Za-z0-9_]*)Text\\s*}}");

    /** One input field; {@code null} where the form says nothing. */
    public record Field(String key, String type, String subtype, String label, boolean required, BigDecimal min, BigDecimal max,
                 Integer minLength, Integer maxLength, String pattern, String validationType, Integer decimalDigits,
                 List<Object> values, String valuesKey, String valuesExpression, Object defaultValue,
                 String hideCondition) {

        public boolean hasFixedValues() {
            return values != null;
        }
    }

    public static CamundaForm parse(byte[] schema) {
        try {
            JsonNode root = JSON.readTree(schema);
            List<Field> fields = new ArrayList<>();
            List<String> texts = new ArrayList<>();
            collect(root.path("components"), fields, texts);
            return new CamundaForm(root.path("id").asText(null), List.copyOf(fields), List.copyOf(texts));
        } catch (IOException notJson) {
            throw new UncheckedIOException("A Camunda Form that is not JSON", notJson);
        }
    }

    /**
     * The values of options as a variable holds them: a list, or JSON (a Camunda Json variable), of values or of
     * {label, value} entries; none when there is nothing to read.
     */
    public static List<Object> optionValues(Object options) {
        if (options == null) {
            return List.of();
        }
        try {
            JsonNode entries = options instanceof Collection<?> list ? JSON.valueToTree(list) : JSON.readTree(options.toString());
            if (entries == null || !entries.isArray()) {
                return List.of();
            }
            List<Object> values = new ArrayList<>();
            entries.forEach(option -> values.add(scalar(option.has("value") ? option.get("value") : option)));
            return values;
        } catch (IOException | IllegalArgumentException notOptions) {
            return List.of();
        }
    }

    /** The variables the form's texts show prepared for a person: {@code x} for each {@code {{xText}}}. */
    Set<String> displayedVariables() {
        Set<String> names = new LinkedHashSet<>();
        for (String text : texts) {
            Matcher reference = DISPLAYED.matcher(text);
            while (reference.find()) {
                names.add(reference.group(1));
            }
        }
        return names;
    }

    private static void collect(JsonNode components, List<Field> fields, List<String> texts) {
        for (JsonNode component : components) {
            if (component.has("components")) {
                collect(component.path("components"), fields, texts);
            }
            for (String shown : List.of("text", "label", "description")) {
                if (component.hasNonNull(shown)) {
                    texts.add(component.path(shown).asText());
                }
            }
            if (component.hasNonNull("key") && !component.path("disabled").asBoolean(false)
                    && !component.path("readonly").asBoolean(false)) {
                fields.add(field(component));
            }
        }
    }

    private static Field field(JsonNode component) {
        JsonNode validate = component.path("validate");
        return new Field(component.path("key").asText(), component.path("type").asText(),
                component.path("subtype").asText("datetime"),
                component.path("label").asText(component.path("key").asText()),
                validate.path("required").asBoolean(false),
                decimal(validate.get("min")), decimal(validate.get("max")),
                integer(validate.get("minLength")), integer(validate.get("maxLength")),
                validate.path("pattern").asText(null), validate.path("validationType").asText(null),
                integer(component.get("decimalDigits")), values(component.get("values")),
                component.path("valuesKey").asText(null), component.path("valuesExpression").asText(null),
                scalar(component.get("defaultValue")),
                component.path("conditional").path("hide").asText(null));
    }

    private static List<Object> values(JsonNode values) {
        if (values == null || !values.isArray()) {
            return null;
        }
        List<Object> allowed = new ArrayList<>();
        values.forEach(option -> allowed.add(scalar(option.get("value"))));
        return Collections.unmodifiableList(allowed);
    }

    private static Object scalar(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isNumber()) {
            return node.decimalValue();
        }
        return node.asText();
    }

    private static BigDecimal decimal(JsonNode node) {
        return node == null || !node.isNumber() ? null : node.decimalValue();
    }

    private static Integer integer(JsonNode node) {
        return node == null || !node.canConvertToInt() ? null : node.intValue();
    }
}
