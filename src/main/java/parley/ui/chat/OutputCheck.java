package parley.ui.chat;

import parley.api.ResponseFormat;

/** A reply checked against the {@code response_format} its request asked for: what was asked, and the verdict. */
public record OutputCheck(String asked, JsonVerdict verdict) {
    /** The check of {@code content} for {@code format}; null for plain text (nothing to check). */
    public static OutputCheck of(ResponseFormat format, String content) {
        if (format == null || format.type() == null) return null;
        return switch (format.type()) {
            case "json_object" -> new OutputCheck("JSON object", JsonCheck.checkObject(content));
            case "json_schema" -> {
                ResponseFormat.JsonSchema schema = format.jsonSchema();
                String name = schema == null || schema.name() == null ? "" : " “" + schema.name() + "”";
                yield new OutputCheck("JSON schema" + name, JsonCheck.check(content, schema == null ? null : schema.schema()));
            }
            default -> null;
        };
    }

    /** The headline, e.g. "JSON schema “weather”: valid" or "JSON schema “weather”: 2 problems". */
    public String headline() {
        return asked + ": " + switch (verdict.kind()) {
            case VALID -> "valid";
            case NOT_JSON -> "not valid JSON";
            case VIOLATES -> verdict.problems().size() == 1 ? "1 problem" : verdict.problems().size() + " problems";
        };
    }
}
