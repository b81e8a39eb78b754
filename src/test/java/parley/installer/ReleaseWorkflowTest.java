package parley.installer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * .github/workflows/release.yml, which builds the installers on a runner of each desktop (jpackage
 * builds only for the system it runs on), kept in step with installer/package.sh: the scripts it
 * calls exist and take the options it passes, every installer type package.sh builds is built on
 * the right system, and each one is uploaded and attached to the release.
 */
class ReleaseWorkflowTest {
    private static final Path WORKFLOW = Path.of(".github/workflows/release.yml");
    private static final Path PACKAGE_SH = Path.of("installer/package.sh");
    private static final Map<String, String> RUNNER_OF_TYPE = Map.of("deb", "ubuntu", "rpm", "ubuntu", "msi", "windows", "dmg", "macos");

    private static JsonNode workflow;
    private static String packageScript;

    @BeforeAll
    static void read() throws IOException {
        workflow = new YAMLMapper().readTree(WORKFLOW.toFile());
        packageScript = Files.readString(PACKAGE_SH);
    }

    /** The installer types package.sh builds: the arms of its {@code case "$type"} ({@code deb) args=(…}). */
    static Set<String> typesPackageShBuilds() {
        return matches(Pattern.compile("(?m)^\\s+([a-z]+)\\) args=\\("), packageScript);
    }

    /** The options package.sh takes: the arms of its option loop ({@code --types) …}). */
    static Set<String> optionsPackageShTakes() {
        return matches(Pattern.compile("(?m)^\\s+(--[a-z-]+)\\)"), packageScript);
    }

    private static Set<String> matches(Pattern pattern, String text) {
        Set<String> found = new TreeSet<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) found.add(matcher.group(1));
        return found;
    }

    private static List<JsonNode> builds() {
        List<JsonNode> builds = new ArrayList<>();
        workflow.path("jobs").path("installers").path("strategy").path("matrix").path("include").forEach(builds::add);
        return builds;
    }

    private static List<String> runs(JsonNode job) {
        List<String> runs = new ArrayList<>();
        job.path("steps").forEach(step -> {
            if (step.has("run")) runs.add(step.get("run").asText());
        });
        return runs;
    }

    @Test
    void runsForVersionTagsAndByHand() {
        assertThat(workflow.path("on").path("push").path("tags").get(0).asText()).isEqualTo("v*");
        assertThat(workflow.path("on").has("workflow_dispatch")).isTrue();
    }

    @Test
    void everyInstallerPackageShBuildsIsBuiltOnceOnItsOwnSystem() {
        assertThat(typesPackageShBuilds()).containsExactlyInAnyOrder("deb", "rpm", "msi", "dmg");
        Map<String, String> runnerOfType = new TreeMap<>();
        for (JsonNode build : builds()) {
            for (String type : build.path("types").asText().split(" ")) {
                assertThat(runnerOfType.put(type, build.path("os").asText())).as("%s built twice", type).isNull();
            }
        }
        assertThat(runnerOfType.keySet()).isEqualTo(typesPackageShBuilds());
        runnerOfType.forEach((type, runner) -> assertThat(runner).as(type).startsWith(RUNNER_OF_TYPE.get(type)));
    }

    @Test
    void eachBuildUploadsTheInstallersItBuilt() {
        for (JsonNode build : builds()) {
            Set<String> uploaded = new TreeSet<>(build.path("installers").asText().lines().map(String::strip).toList());
            Set<String> built = new TreeSet<>();
            for (String type : build.path("types").asText().split(" ")) built.add("target/dist/*." + type);
            assertThat(uploaded).as(build.path("os").asText()).isEqualTo(built);
        }
        JsonNode upload = stepUsing(workflow.path("jobs").path("installers"), "actions/upload-artifact");
        assertThat(upload.path("with").path("path").asText()).isEqualTo("${{ matrix.installers }}");
        assertThat(upload.path("with").path("if-no-files-found").asText()).isEqualTo("error");
    }

    @Test
    void theBuildsCallPackageShWithOptionsItTakes() throws IOException {
        List<String> runs = runs(workflow.path("jobs").path("installers"));
        String packaging = runs.stream().filter(run -> run.contains("installer/package.sh")).findFirst().orElseThrow();
        assertThat(packaging).contains("--types \"${{ matrix.types }}\"");
        assertThat(matches(Pattern.compile("(?<=\\s)(--[a-z-]+)"), packaging)).isSubsetOf(optionsPackageShTakes());
        for (String run : runs) {
            for (String script : matches(Pattern.compile("(installer/[\\w./-]+)"), run)) {
                assertThat(Path.of(script)).as("called by the workflow").isRegularFile();
            }
        }
    }

    @Test
    void buildsWithTheJavaThePomCompilesFor() throws IOException {
        String release = matches(Pattern.compile("<maven.compiler.release>(\\d+)<"), Files.readString(Path.of("pom.xml")))
                .iterator().next();
        JsonNode setupJava = stepUsing(workflow.path("jobs").path("installers"), "actions/setup-java");
        assertThat(setupJava.path("with").path("java-version").asText()).isEqualTo(release);
    }

    @Test
    void theReleaseAttachesEveryKindOfInstallerOnceAllAreBuilt() {
        JsonNode release = workflow.path("jobs").path("release");
        assertThat(release.path("needs").asText()).isEqualTo("installers");
        assertThat(release.path("if").asText()).contains("tag");
        assertThat(release.path("permissions").path("contents").asText()).isEqualTo("write");
        String attach = runs(release).stream().filter(run -> run.contains("gh release create")).findFirst().orElseThrow();
        for (String type : typesPackageShBuilds()) assertThat(attach).contains("dist/*." + type);
    }

    private static JsonNode stepUsing(JsonNode job, String action) {
        for (JsonNode step : job.path("steps")) {
            if (step.path("uses").asText().startsWith(action + "@")) return step;
        }
        throw new AssertionError("no step uses " + action);
    }
}
