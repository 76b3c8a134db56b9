package com.customerlifecycle.forms;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The input fields of a deployed Camunda Form (form-js schema) with what each declares about its value: its type,
 * {@code validate} rules, allowed {@code values} (fixed, or from a variable named by {@code valuesKey}), default value
 * and the FEEL condition that hides it. Fields inside groups count; texts, images and other display components do not.
 */
record CamundaForm(String id, List<Field> fields) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One input field; {@code null} where the form says nothing. */
    record Field(String key, String type, String subtype, String label, boolean required, BigDecimal min, BigDecimal max,
                 Integer minLength, Integer maxLength, String pattern, String validationType, Integer decimalDigits,
                 List<Object> values, String valuesKey, Object defaultValue, String hideCondition) {

        boolean hasFixedValues() {
            return values != null;
        }
    }

    static CamundaForm parse(byte[] schema) {
        try {
            JsonNode root = JSON.readTree(schema);
            List<Field> fields = new ArrayList<>();
            collectFields(root.path("components"), fields);
            return new CamundaForm(root.path("id").asText(null), List.copyOf(fields));
        } catch (IOException notJson) {
            throw new UncheckedIOException("A Camunda Form that is not JSON", notJson);
        }
    }

    /** The values of options given as JSON: an array of values or of {label, value} entries. */
    static List<Object> optionValues(String json) {
        try {
            JsonNode options = JSON.readTree(json);
            List<Object> values = new ArrayList<>();
            options.forEach(option -> values.add(scalar(option.has("value") ? option.get("value") : option)));
            return values;
        } catch (IOException notJson) {
            return List.of();
        }
    }

    private static void collectFields(JsonNode components, List<Field> fields) {
        for (JsonNode component : components) {
            if (component.has("components")) {
                collectFields(component.path("components"), fields);
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
                component.path("valuesKey").asText(null), scalar(component.get("defaultValue")),
                component.path("conditional").path("hide").asText(null));
    }

    private static List<Object> values(JsonNode values) {
        if (values == null || !values.isArray()) {
            return null;
        }
        List<Object> allowed = new ArrayList<>();
        values.forEach(option -> allowed.add(scalar(option.get("value"))));
        return List.copyOf(allowed);
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
