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
                    + " Environment.GetEnvironmentVariable(" + Quote.csharp(request.keyEnv()) + "));"
                : "";
        return Template.load(request.streaming() ? "csharp-stream.cs" : "csharp.cs").render(Map.of(
                "url", Quote.csharp(request.endpoint()),
                "auth", auth,
                "body", Quote.csharpVerbatim(JSON.write(BodyTree.of(request.request())))));
    }
}
