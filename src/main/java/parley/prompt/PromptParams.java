package parley.prompt;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import parley.experiment.ParamAxes;
import parley.experiment.ParamAxis;
import parley.experiment.ParamValue;

/**
 * A prompt's request parameters as a JSON object, keys sorted so that equal parameters are equal text.
 * {@code NAME=V} is read as {@code parley sweep} reads a single value: the API's names, checked
 * against the request's bounds.
 */
public final class PromptParams {
    private static final ObjectMapper JSON = new ObjectMapper();

    private PromptParams() {}

    /** The parameters sorted by name and unmodifiable; null values are dropped. */
    public static Map<String, Object> sorted(Map<String, Object> params) {
        TreeMap<String, Object> sorted = new TreeMap<>();
        if (params != null) params.forEach((k, v) -> { if (v != null) sorted.put(k, v); });
        return Collections.unmodifiableMap(sorted);
    }

    public static String json(Map<String, Object> params) {
        try {
            return JSON.writeValueAsString(sorted(params));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the parameters cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** The JSON object's fields; anything but an object is refused with what to write. */
    public static Map<String, Object> parse(String json) {
        if (json == null || json.isBlank()) return Map.of();
        try {
            Object value = JSON.readValue(json, Object.class);
            if (!(value instanceof Map<?, ?>)) {
                throw new IllegalArgumentException("the parameters must be a JSON object, e.g. {\"temperature\":0.2}");
            }
            return sorted(JSON.convertValue(value, new TypeReference<Map<String, Object>>() {}));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the parameters are not valid JSON (" + e.getOriginalMessage()
                    + "): write an object, e.g. {\"temperature\":0.2}", e);
        }
    }

    /** Parameters from {@code NAME=V} specs; a name given twice, a list or a range is refused. */
    public static Map<String, Object> fromSpecs(List<String> specs) {
        TreeMap<String, Object> params = new TreeMap<>();
        for (String spec : specs) {
            ParamAxis axis = ParamAxes.parse(spec);
            if (axis.values().size() != 1) {
                throw new IllegalArgumentException(spec + " gives " + axis.values().size()
                        + " values: a prompt keeps one value per parameter, e.g. " + axis.name() + "=0.2");
            }
            ParamValue value = axis.values().getFirst();
            if (value.omitted()) {
                throw new IllegalArgumentException(spec + ": a prompt leaves a parameter out by not naming it; drop this --param");
            }
            if (params.put(axis.name(), value.value()) != null) {
                throw new IllegalArgumentException(axis.name() + " is given twice: give it once");
            }
        }
        return Collections.unmodifiableMap(params);
    }
}
