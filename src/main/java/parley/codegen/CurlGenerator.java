package parley.codegen;

import java.util.ArrayList;
import java.util.List;

/** A curl command line for a POSIX shell. The body is single-quoted, so nothing in it is expanded. */
final class CurlGenerator implements CodeGenerator {
    private static final LiteralWriter JSON = new LiteralWriter(Syntax.JSON, "  ");

    public String id() { return "curl"; }

    public String label() { return "curl"; }

    public String fileName() { return "request.sh"; }

    public String generate(CodeRequest request) {
        List<String> parts = new ArrayList<>();
        parts.add("curl " + Quote.shell(request.endpoint()));
        parts.add("  -H 'Content-Type: application/json'");
        if (request.hasKey()) {
            parts.add("  -H \"Authorization: Bearer ${" + request.keyEnv() + "}\"");
        }
        if (request.streaming()) {
            parts.add("  --no-buffer");
        }
        parts.add("  --data-raw " + Quote.shell(JSON.write(BodyTree.of(request.request()))));
        return String.join(" \\\n", parts) + "\n";
    }
}
