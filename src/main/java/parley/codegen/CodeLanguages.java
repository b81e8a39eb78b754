package parley.codegen;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Every language a request can be turned into, in the order the code panel lists them. */
public final class CodeLanguages {
    private static final List<CodeGenerator> ALL = List.of(
            new CurlGenerator(),
            new PythonOpenAiGenerator(),
            new PythonRequestsGenerator(),
            new NodeOpenAiGenerator(),
            new NodeFetchGenerator(),
            new JavaGenerator(),
            new GoGenerator(),
            new CSharpGenerator());

    private CodeLanguages() {}

    public static List<CodeGenerator> all() { return ALL; }

    public static Optional<CodeGenerator> find(String id) {
        return ALL.stream().filter(g -> g.id().equalsIgnoreCase(id == null ? "" : id.strip())).findFirst();
    }

    /** The command-line names, comma-separated: for messages that list the valid choices. */
    public static String ids() {
        return ALL.stream().map(CodeGenerator::id).collect(Collectors.joining(", "));
    }
}
