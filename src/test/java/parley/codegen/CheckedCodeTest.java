package parley.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import parley.api.ChatRequest;

/**
 * Checks beyond running: C# (no .NET runtime installable here) is parsed by Mono's compiler
 * ({@code mcs --parse}); the Python openai snippet (the package is not installable here) is
 * compiled by python3 and run against a stand-in {@code openai} module that records the arguments
 * the SDK would turn into the body; the Go snippet is already as gofmt formats it.
 */
class CheckedCodeTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<Arguments> requests() {
        List<Arguments> all = new ArrayList<>();
        all.add(Arguments.of("seed", Scenarios.seed(), true));
        all.add(Arguments.of("tricky-stream", Scenarios.everything(true), true));
        all.add(Arguments.of("tricky", Scenarios.everything(false), true));
        all.add(Arguments.of("no-key-stream", Scenarios.bare(true), false));
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
        Toolchain python = Toolchain.forLanguage("python-openai").require();
        String code = CodeLanguages.find("python-openai").orElseThrow()
                .generate(new CodeRequest(Scenarios.ATLAS, withKey ? Scenarios.ATLAS_KEY : null, request));

        Toolchain.Run run = python.run(code, "main.py", name, Map.of());

        assertThat(run.exitCode()).as("py_compile:\n%s%s", run.stdout(), run.stderr()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requests")
    void pythonOpenAiPassesTheWholeBodyToTheSdk(String name, ChatRequest request, boolean withKey) throws Exception {
        Toolchain python = Toolchain.forLanguage("python-openai").require();
        Toolchain plain = new Toolchain("python-openai-standin", List.of(python.command().getFirst()), Toolchain.RUNS, null);
        String code = CodeLanguages.find("python-openai").orElseThrow()
                .generate(new CodeRequest(Scenarios.ATLAS, withKey ? "PARLEY_FIDELITY_KEY" : null, request));
        Path record = Files.createTempFile("python-openai", ".json");
        Path standin = Path.of("src/test/resources/codegen/python-openai-standin").toAbsolutePath();

        Toolchain.Run run = plain.run(code, "main.py", name, Map.of("PYTHONPATH", standin.toString(),
                "PARLEY_RECORD", record.toString(), "PARLEY_FIDELITY_KEY", "sk-test-python"));

        assertThat(run.exitCode()).as("stand-in run:\n%s%s", run.stdout(), run.stderr()).isZero();
        JsonNode recorded = JSON.readTree(Files.readString(record));
        ExecutedCodeTest.assertSameJson(recorded.get("body").toString(), JSON.writeValueAsString(request));
        assertThat(recorded.get("base_url").asText()).isEqualTo(Scenarios.ATLAS);
        assertThat(recorded.get("api_key").asText()).isEqualTo(withKey ? "sk-test-python" : "none");
    }

    @Test
    void pythonOpenAiStopsWithAMessageWhenTheKeyVariableIsUnset() throws Exception {
        Toolchain python = Toolchain.forLanguage("python-openai").require();
        Toolchain plain = new Toolchain("python-openai-standin", List.of(python.command().getFirst()), Toolchain.RUNS, null);
        String code = CodeLanguages.find("python-openai").orElseThrow()
                .generate(new CodeRequest(Scenarios.ATLAS, "PARLEY_FIDELITY_KEY", Scenarios.seed()));
        Path record = Files.createTempDirectory("python-openai").resolve("record.json");
        Map<String, String> env = new HashMap<>();
        env.put("PYTHONPATH", Path.of("src/test/resources/codegen/python-openai-standin").toAbsolutePath().toString());
        env.put("PARLEY_RECORD", record.toString());
        env.put("PARLEY_FIDELITY_KEY", null);

        Toolchain.Run run = plain.run(code, "main.py", "key-unset", env);

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.stderr().strip()).isEqualTo("Set the environment variable PARLEY_FIDELITY_KEY to your API key.");
        assertThat(record).as("the SDK was never called").doesNotExist();
    }
}
