package parley.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each generator's output for a few requests, compared with the files under
 * {@code src/test/resources/codegen/}. After a deliberate change, rewrite them with
 * {@code mvn test -Dtest=GoldenCodeTest -Dcodegen.golden=write} and review the diff.
 */
class GoldenCodeTest {
    private static final Path GOLDEN = Path.of("src/test/resources/codegen");

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (CodeGenerator generator : CodeLanguages.all()) {
            cases.add(Arguments.of("seed", generator.id(),
                    new CodeRequest(Scenarios.ATLAS, Scenarios.ATLAS_KEY, Scenarios.seed())));
            cases.add(Arguments.of("everything-stream", generator.id(),
                    new CodeRequest(Scenarios.ATLAS, Scenarios.ATLAS_KEY, Scenarios.everything(true))));
            cases.add(Arguments.of("everything", generator.id(),
                    new CodeRequest(Scenarios.ATLAS, Scenarios.ATLAS_KEY, Scenarios.everything(false))));
            cases.add(Arguments.of("tools", generator.id(),
                    new CodeRequest(Scenarios.ATLAS, Scenarios.ATLAS_KEY, Scenarios.tools(false))));
            cases.add(Arguments.of("tools-stream", generator.id(),
                    new CodeRequest(Scenarios.ATLAS, Scenarios.ATLAS_KEY, Scenarios.tools(true))));
            cases.add(Arguments.of("structured", generator.id(),
                    new CodeRequest(Scenarios.ATLAS, Scenarios.ATLAS_KEY, Scenarios.structured())));
            cases.add(Arguments.of("local-no-key-stream", generator.id(),
                    new CodeRequest("http://127.0.0.1:11434/v1/", null, Scenarios.bare(true))));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void matchesGoldenFile(String scenario, String language, CodeRequest request) throws IOException {
        CodeGenerator generator = CodeLanguages.find(language).orElseThrow();
        String code = generator.generate(request);
        Path file = GOLDEN.resolve(scenario).resolve(generator.id() + extension(generator.fileName()));
        if ("write".equals(System.getProperty("codegen.golden"))) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, code, StandardCharsets.UTF_8);
        }
        assertThat(file).as("golden file %s (write it with -Dcodegen.golden=write)", file).exists();
        assertThat(code).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
    }

    private static String extension(String fileName) {
        return fileName.substring(fileName.lastIndexOf('.'));
    }
}
