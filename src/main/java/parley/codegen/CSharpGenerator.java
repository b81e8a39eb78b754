package parley.codegen;

import java.util.Map;

/** C# with {@code HttpClient} and {@code System.Text.Json} (.NET 6 or newer): {@code dotnet run}. */
final class CSharpGenerator implements CodeGenerator {
    private static final LiteralWriter JSON = new LiteralWriter(Syntax.JSON, "  ");

    public String id() { return "csharp"; }

    public String label() { return "C# (HttpClient)"; }

    public String fileName() { return "Program.cs"; }

    public String generate(CodeRequest request) {
        String auth = request.hasKey()
                ? "request.Headers.Authorization = new AuthenticationHeaderValue(\"Bearer\","
                    + " apiKey);"
                : "";
        return Template.load(request.streaming() ? "csharp-stream.cs" : "csharp.cs").render(Map.of(
                "key_check", keyCheck(request),
                "url", Quote.csharp(request.endpoint()),
                "auth", auth,
                "body", Quote.csharpVerbatim(JSON.write(BodyTree.of(request.request())))));
    }

    private static String keyCheck(CodeRequest request) {
        if (!request.hasKey()) {
            return "";
        }
        return "var apiKey = Environment.GetEnvironmentVariable(" + Quote.csharp(request.keyEnv()) + ");\n"
                + "if (string.IsNullOrEmpty(apiKey))\n"
                + "{\n"
                + "    Console.Error.WriteLine(" + Quote.csharp(request.missingKeyMessage()) + ");\n"
                + "    Environment.Exit(1);\n"
                + "}\n";
    }
}
