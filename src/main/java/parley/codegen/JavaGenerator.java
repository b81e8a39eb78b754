package parley.codegen;

import java.util.Map;

/** Java with {@code java.net.http}, one file that runs as {@code java Main.java} (JDK 17 or newer). */
final class JavaGenerator implements CodeGenerator {
    private static final LiteralWriter JSON = new LiteralWriter(Syntax.JSON, "  ");

    public String id() { return "java"; }

    public String label() { return "Java (HttpClient)"; }

    public String fileName() { return "Main.java"; }

    public String generate(CodeRequest request) {
        String auth = request.hasKey() ? ".header(\"Authorization\", \"Bearer \" + apiKey)" : "";
        return Template.load(request.streaming() ? "java-stream.java" : "java.java").render(Map.of(
                "key_check", keyCheck(request),
                "url", Quote.java(request.endpoint()),
                "auth", auth,
                "run_with", request.hasKey() ? request.keyEnv() + "=... java Main.java" : "java Main.java",
                "body", Quote.javaTextBlock(JSON.write(BodyTree.of(request.request())))));
    }

    private static String keyCheck(CodeRequest request) {
        if (!request.hasKey()) {
            return "";
        }
        return "String apiKey = System.getenv(" + Quote.java(request.keyEnv()) + ");\n"
                + "if (apiKey == null || apiKey.isEmpty()) {\n"
                + "    System.err.println(" + Quote.java(request.missingKeyMessage()) + ");\n"
                + "    System.exit(1);\n"
                + "}\n";
    }
}
