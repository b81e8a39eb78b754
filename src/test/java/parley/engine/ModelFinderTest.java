package parley.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The finder on a fake home folder holding each place's layout. */
class ModelFinderTest {
    @TempDir
    Path home;

    private byte[] tiny() throws IOException {
        return Files.readAllBytes(TestModels.tiny());
    }

    @Test
    void findsParleysLmStudiosOllamasAndHuggingFacesModels() throws IOException {
        Path data = home.resolve("parley-data");
        TestModels.write(data, "models/mine.gguf", tiny());
        TestModels.write(home, ".lmstudio/models/lmstudio-community/Tiny-GGUF/tiny-Q8_0.gguf", tiny());
        TestModels.write(home, ".cache/lm-studio/models/old/tiny.gguf", tiny());
        TestModels.write(home, ".lmstudio/models/lmstudio-community/Tiny-GGUF/README.md", "not a model".getBytes());
        // Ollama: a manifest names the model layer's blob by digest
        TestModels.write(home, ".ollama/models/blobs/sha256-abc123", tiny());
        TestModels.write(home, ".ollama/models/blobs/sha256-def456", "{\"template\":\"x\"}".getBytes());
        TestModels.write(home, ".ollama/models/manifests/registry.ollama.ai/library/tinyllama/latest", """
                {"schemaVersion":2,"layers":[
                  {"mediaType":"application/vnd.ollama.image.template","digest":"sha256:def456"},
                  {"mediaType":"application/vnd.ollama.image.model","digest":"sha256:abc123"}]}""".getBytes());
        TestModels.write(home, ".ollama/models/manifests/registry.ollama.ai/someone/custom/q4", """
                {"layers":[{"mediaType":"application/vnd.ollama.image.model","digest":"sha256:missing"}]}""".getBytes());
        // Hugging Face: snapshots link to blobs
        Path blob = TestModels.write(home, ".cache/huggingface/hub/models--org--Tiny-GGUF/blobs/0f0f", tiny());
        Path snapshot = home.resolve(".cache/huggingface/hub/models--org--Tiny-GGUF/snapshots/rev1/tiny.Q4_K_M.gguf");
        Files.createDirectories(snapshot.getParent());
        Files.createSymbolicLink(snapshot, blob);

        List<FoundModel> found = new ModelFinder(home, data.resolve("models"), Map.of()).find();

        assertThat(found).extracting(FoundModel::source, FoundModel::name).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Hugging Face", "org/Tiny-GGUF/tiny.Q4_K_M.gguf"),
                org.assertj.core.groups.Tuple.tuple("LM Studio", "lmstudio-community/Tiny-GGUF/tiny-Q8_0.gguf"),
                org.assertj.core.groups.Tuple.tuple("LM Studio", "old/tiny.gguf"),
                org.assertj.core.groups.Tuple.tuple("Ollama", "tinyllama:latest"),
                org.assertj.core.groups.Tuple.tuple("Parley", "mine.gguf"));
        assertThat(found).allSatisfy(m -> {
            assertThat(m.runnable()).isTrue();
            assertThat(m.facts().architecture()).isEqualTo("llama");
            assertThat(m.facts().contextLength()).isEqualTo(2048);
        });
        assertThat(found.get(3).file()).isEqualTo(home.resolve(".ollama/models/blobs/sha256-abc123"));
    }

    @Test
    void environmentVariablesMoveOllamaAndHuggingFace() throws IOException {
        Path ollama = home.resolve("elsewhere/ollama");
        TestModels.write(ollama, "blobs/sha256-aa", tiny());
        TestModels.write(ollama, "manifests/registry.ollama.ai/library/m/7b",
                "{\"layers\":[{\"mediaType\":\"application/vnd.ollama.image.model\",\"digest\":\"sha256:aa\"}]}".getBytes());
        TestModels.write(home, "hf/hub/models--a--b/snapshots/r/x.gguf", tiny());

        List<FoundModel> found = new ModelFinder(home, home.resolve("none"),
                Map.of("OLLAMA_MODELS", ollama.toString(), "HF_HOME", home.resolve("hf").toString())).find();

        assertThat(found).extracting(FoundModel::name).containsExactly("a/b/x.gguf", "m:7b");
    }

    @Test
    void aDamagedFileIsListedWithItsProblemAndLaterPartsOfASplitModelAreNot() throws IOException {
        Path models = home.resolve("models");
        TestModels.write(models, "broken.gguf", "nope".getBytes());
        TestModels.write(models, "big-00001-of-00002.gguf", tiny());
        TestModels.write(models, "big-00002-of-00002.gguf", tiny());
        TestModels.write(models, "newer.gguf", TestModels.header("qwen3", 4096));

        List<FoundModel> found = new ModelFinder(home, models, Map.of()).find();

        assertThat(found).extracting(FoundModel::name).containsExactly("big-00001-of-00002.gguf", "broken.gguf", "newer.gguf");
        assertThat(found.get(1).problem()).contains("not a GGUF model file");
        assertThat(found.get(2).runnable()).isFalse();
        assertThat(found.get(2).facts().architecture()).isEqualTo("qwen3");
    }

    @Test
    void anEmptyHomeFindsNothing() {
        assertThat(new ModelFinder(home, home.resolve("models"), Map.of()).find()).isEmpty();
    }
}
