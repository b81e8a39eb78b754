package parley.codegen;

import java.util.ArrayList;
import java.util.List;

/**
 * A curl command line for a POSIX shell. The body is single-quoted, so nothing in it is expanded.
 * A streamed reply goes through jq, which prints the text of each event as it arrives.
 */
final class CurlGenerator implements CodeGenerator {
    private static final LiteralWriter JSON = new LiteralWriter(Syntax.JSON, "  ");
    /** jq reads the event stream line by line: the text of each delta, an error event's error, and
     *  any line that is not part of an event stream (an HTTP error's body) as it is. */
    private static final String STREAM_FILTER = """
            jq --unbuffered --raw-input --join-output '
              if startswith("data:") then
                .[5:] | ltrimstr(" ") | rtrimstr("\\r")
                | if . == "[DONE]" then "\\n"
                  else fromjson | if .error then "\\n\\(.error)\\n" else .choices[]?.delta.content // empty end
                  end
              elif test("^\\r?$|^(event|id|retry)?:") then empty
              else . + "\\n"
              end'
            """;

    public String id() { return "curl"; }

    public String label() { return "curl"; }

    public String fileName() { return "request.sh"; }

    public String generate(CodeRequest request) {
        StringBuilder out = new StringBuilder();
        if (request.streaming()) {
            out.append("# Prints the reply's text as it arrives; needs jq (https://jqlang.org).\n");
        }
        if (request.hasKey()) {
            out.append(": \"${").append(request.keyEnv()).append(":?set it to your API key}\" &&\n");
        }
        List<String> parts = new ArrayList<>();
        parts.add("curl " + Quote.shell(request.endpoint()));
        parts.add("  -H 'Content-Type: application/json'");
        if (request.hasKey()) {
            parts.add("  -H \"Authorization: Bearer ${" + request.keyEnv() + "}\"");
        }
        if (request.streaming()) {
            parts.add("  --no-buffer --silent --show-error");
        }
        parts.add("  --data-raw " + Quote.shell(JSON.write(BodyTree.of(request.request()))));
        out.append(String.join(" \\\n", parts));
        if (request.streaming()) {
            out.append(" |\n").append(STREAM_FILTER.indent(2));
        } else {
            out.append('\n');
        }
        return out.toString();
    }
}
