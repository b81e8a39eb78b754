package parley.chat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import parley.api.ToolCall;

/**
 * Checks the caller's results against the calls a reply made: exactly one result per call, and
 * edited arguments that are a JSON object. Throws {@link IllegalArgumentException} saying what to change.
 */
final class ToolResults {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, ToolResult> byCall = new LinkedHashMap<>();
    private final List<ToolCall> calls;

    private ToolResults(List<ToolCall> calls, List<ToolResult> results) {
        this.calls = calls;
        for (ToolResult result : results == null ? List.<ToolResult>of() : results) {
            ToolCall call = calls.stream().filter(c -> c.id() != null && c.id().equals(result.callId())).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("No tool call of the last reply has the id \""
                            + result.callId() + "\": give results for that reply's calls only."));
            if (byCall.putIfAbsent(call.id(), result) != null) {
                throw new IllegalArgumentException("The call " + describe(call) + " has two results: give one per call.");
            }
        }
        for (ToolCall call : calls) {
            ToolResult result = byCall.get(call.id());
            if (result == null || result.content() == null) {
                throw new IllegalArgumentException("The call " + describe(call)
                        + " has no result: give one for every call (empty text is allowed).");
            }
        }
    }

    static ToolResults check(List<ToolCall> calls, List<ToolResult> results) {
        return new ToolResults(calls, results);
    }

    /** The calls with their arguments as edited, in the reply's order. */
    List<ToolCall> editedCalls() {
        List<ToolCall> edited = new ArrayList<>();
        for (ToolCall call : calls) {
            String arguments = byCall.get(call.id()).arguments();
            edited.add(arguments == null ? call : ToolCall.of(call.id(), call.name(), checkedArguments(call, arguments)));
        }
        return edited;
    }

    /** The result's text for each call, in the reply's order. */
    String contentFor(ToolCall call) {
        return byCall.get(call.id()).content();
    }

    private static String checkedArguments(ToolCall call, String arguments) {
        JsonNode parsed;
        try {
            parsed = JSON.readTree(arguments);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("The arguments of " + describe(call) + " are not JSON ("
                    + e.getOriginalMessage() + "): write them as a JSON object such as {\"city\": \"Paris\"}.");
        }
        if (parsed == null || !parsed.isObject()) {
            throw new IllegalArgumentException("The arguments of " + describe(call)
                    + " must be a JSON object such as {\"city\": \"Paris\"}.");
        }
        return arguments;
    }

    private static String describe(ToolCall call) {
        return call.id() + " (" + call.name() + ")";
    }
}
