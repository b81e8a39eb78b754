package parley.api;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The bounds of the {@linkplain ExtendedParameters extended request fields}: {@code n},
 * log-probabilities, tools, {@code tool_choice}, {@code response_format} and the reasoning effort.
 * Each problem is one line that names the field and says what to change.
 */
final class ExtendedValidator {
    /** OpenAI's rule for function and schema names. */
    static final Pattern NAME = Pattern.compile("[a-zA-Z0-9_-]{1,64}");
    static final int MAX_N = 128;
    static final List<String> REASONING_EFFORTS = List.of("minimal", "low", "medium", "high");
    private static final Set<String> TOOL_CHOICE_MODES = Set.of("auto", "none", "required");

    private ExtendedValidator() {}

    static void check(ExtendedParameters extended, List<String> problems) {
        if (extended.n() != null && (extended.n() < 1 || extended.n() > MAX_N)) {
            problems.add("n: must be a whole number from 1 to " + MAX_N + " (was " + extended.n() + ")");
        }
        checkLogprobs(extended, problems);
        checkTools(extended.tools(), problems);
        checkToolChoice(extended.toolChoice(), extended.tools(), problems);
        checkResponseFormat(extended.responseFormat(), problems);
        if (extended.reasoningEffort() != null && !REASONING_EFFORTS.contains(extended.reasoningEffort())) {
            problems.add("reasoning_effort: must be one of " + String.join(", ", REASONING_EFFORTS)
                    + " (was \"" + extended.reasoningEffort() + "\")");
        }
    }

    private static void checkLogprobs(ExtendedParameters extended, List<String> problems) {
        Integer top = extended.topLogprobs();
        if (top == null) {
            return;
        }
        if (top < 0 || top > ExtendedParameters.MAX_TOP_LOGPROBS) {
            problems.add("top_logprobs: must be a whole number from 0 to " + ExtendedParameters.MAX_TOP_LOGPROBS
                    + " (was " + top + ")");
        }
        if (!Boolean.TRUE.equals(extended.logprobs())) {
            problems.add("top_logprobs: needs logprobs set to true; switch log-probabilities on or leave top_logprobs out");
        }
    }

    private static void checkTools(List<Tool> tools, List<String> problems) {
        if (tools == null) {
            return;
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < tools.size(); i++) {
            String at = "tools[" + i + "]";
            Tool tool = tools.get(i);
            if (tool == null || tool.function() == null) {
                problems.add(at + ": must be {\"type\": \"function\", \"function\": {\"name\": …, \"parameters\": {…}}}");
                continue;
            }
            if (tool.type() != null && !Tool.FUNCTION.equals(tool.type())) {
                problems.add(at + ".type: must be \"function\" (was \"" + tool.type() + "\")");
            }
            checkToolName(at, tool.name(), names, problems);
            if (tool.function().parameters() != null) {
                schemaProblems(at + ".function.parameters", tool.function().parameters(), problems);
            }
        }
    }

    private static void checkToolName(String at, String name, Set<String> names, List<String> problems) {
        if (name == null || name.isEmpty()) {
            problems.add(at + ".function.name: every tool needs a name");
        } else if (!NAME.matcher(name).matches()) {
            problems.add(at + ".function.name: use 1 to 64 letters, digits, _ or - (was \"" + name + "\")");
        } else if (!names.add(name)) {
            problems.add(at + ".function.name: \"" + name + "\" is already the name of another tool; give each tool its own name");
        }
    }

    private static void checkToolChoice(ToolChoice choice, List<Tool> tools, List<String> problems) {
        if (choice == null) {
            return;
        }
        if (choice.function() == null) {
            if (!TOOL_CHOICE_MODES.contains(choice.mode())) {
                problems.add("tool_choice: must be auto, none, required or a tool's name (was \"" + choice.mode() + "\")");
            } else if (choice.mode().equals("required") && tools == null) {
                problems.add("tool_choice: required needs at least one tool; add tools or choose auto");
            }
            return;
        }
        boolean known = tools != null && tools.stream().anyMatch(t -> t != null && choice.function().equals(t.name()));
        if (!known) {
            problems.add("tool_choice: no tool is named \"" + choice.function() + "\"; name one of the tools"
                    + (tools == null ? " (there are none)" : " (" + String.join(", ", tools.stream()
                            .map(t -> t == null || t.name() == null ? "?" : t.name()).toList()) + ")"));
        }
    }

    private static void checkResponseFormat(ResponseFormat format, List<String> problems) {
        if (format == null) {
            return;
        }
        String type = format.type();
        if ("text".equals(type) || "json_object".equals(type)) {
            return;
        }
        if (!"json_schema".equals(type)) {
            problems.add("response_format.type: must be text, json_object or json_schema (was "
                    + (type == null ? "missing" : "\"" + type + "\"") + ")");
            return;
        }
        ResponseFormat.JsonSchema schema = format.jsonSchema();
        if (schema == null) {
            problems.add("response_format.json_schema: required for json_schema: {\"name\": …, \"schema\": {…}, \"strict\": true}");
            return;
        }
        if (schema.name() == null || schema.name().isEmpty()) {
            problems.add("response_format.json_schema.name: required; give the schema a name of letters, digits, _ or -");
        } else if (!NAME.matcher(schema.name()).matches()) {
            problems.add("response_format.json_schema.name: use 1 to 64 letters, digits, _ or - (was \"" + schema.name() + "\")");
        }
        if (schema.schema() == null) {
            problems.add("response_format.json_schema.schema: required; the JSON Schema the reply must follow");
        } else {
            schemaProblems("response_format.json_schema.schema", schema.schema(), problems);
        }
    }

    private static void schemaProblems(String at, com.fasterxml.jackson.databind.JsonNode schema, List<String> problems) {
        List<JsonSchemaCheck.Violation> violations = JsonSchemaCheck.schemaProblems(schema);
        if (!violations.isEmpty()) {
            problems.add(at + ": not a valid JSON Schema: " + String.join("; ",
                    violations.stream().limit(3).map(JsonSchemaCheck.Violation::toString).toList()));
        }
    }
}
