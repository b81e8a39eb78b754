package parley.codegen;

import java.util.Map;

/** Java with {@code java.net.http}, one file that runs as {@code java Main.java} (JDK 17 or newer). */
final class JavaGenerator implements CodeGenerator {
    private static final LiteralWriter JSON = new LiteralWriter(Syntax.JSON, "  ");

    public String id() { return "java"; }

    public String label() { return "Java (HttpClient)"; }

    public String fileName() { return "Main.java"; }

    public String generate(CodeRequest request) {
        String auth = request.hasKey()
                ? ".header(\"Authorization\", \"Bearer \" + System.getenv(" + Quote.java(request.keyEnv()) + "))"
                : "";
        return Template.load(request.streaming() ? "java-stream.java" : "java.java").render(Map.of(
                "url", Quote.java(request.endpoint()),
                "auth", auth,
                "run_with", request.hasKey() ? request.keyEnv() + "=... java Main.java" : "java Main.java",
                "body", Quote.javaTextBlock(JSON.write(BodyTree.of(request.request())))));
    }
}
