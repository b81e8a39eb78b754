package parley.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import parley.api.ChatRequest;

/**
 * Checks beyond running: C# (no .NET runtime installable here) is parsed by Mono's compiler
 * ({@code mcs --parse}); the Python openai snippet (run against a stand-in of the package in
 * {@link ExecutedCodeTest}) is also compiled by python3; the Go snippet is already as gofmt formats it.
 */
class CheckedCodeTest {
    static Stream<Arguments> requests() {
        List<Arguments> all = new ArrayList<>();
        all.add(Arguments.of("seed", Scenarios.seed(), true));
        all.add(Arguments.of("tricky-stream", Scenarios.everything(true), true));
        all.add(Arguments.of("tricky", Scenarios.everything(false), true));
        all.add(Arguments.of("no-key-stream", Scenarios.bare(true), false));
        all.add(Arguments.of("tools", Scenarios.tools(false), true));
        all.add(Arguments.of("tools-stream", Scenarios.tools(true), true));
        all.add(Arguments.of("structured", Scenarios.structured(), true));
        return all.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requests")
    void csharpParses(String name, ChatRequest request, boolean withKey) throws Exception {
        Toolchain mcs = Toolchain.forLanguage("csharp").require();
        String code = CodeLanguages.find("csharp").orElseThrow()
                .generate(new CodeRequest(Scenarios.ATLAS, withKey ? Scenarios.ATLAS_KEY : null, request));

        Toolchain.Run run = mcs.run(code, "Program.cs", name, Map.of());

        assertThat(run.exitCode()).as("mcs --parse:\n%s%s", run.stdout(), run.stderr()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requests")
    void goIsFormattedAsGofmtWritesIt(String name, ChatRequest request, boolean withKey) throws Exception {
        Toolchain gofmt = Toolchain.forLanguage("gofmt").require();
        String code = CodeLanguages.find("go").orElseThrow()
                .generate(new CodeRequest(Scenarios.ATLAS, withKey ? Scenarios.ATLAS_KEY : null, request));

        Toolchain.Run run = gofmt.run(code, "main.go", name, Map.of());

        assertThat(run.exitCode()).as("gofmt:\n%s", run.stderr()).isZero();
        assertThat(run.stdout()).as("gofmt -l lists files it would change").isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requests")
    void pythonOpenAiCompiles(String name, ChatRequest request, boolean withKey) throws Exception {
        Toolchain python = Toolchain.forLanguage("python-compile").require();
        String code = CodeLanguages.find("python-openai").orElseThrow()
                .generate(new CodeRequest(Scenarios.ATLAS, withKey ? Scenarios.ATLAS_KEY : null, request));

        Toolchain.Run run = python.run(code, "main.py", name, Map.of());

        assertThat(run.exitCode()).as("py_compile:\n%s%s", run.stdout(), run.stderr()).isZero();
    }
}
