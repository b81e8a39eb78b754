package parley.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GgufReaderTest {
    @TempDir
    Path folder;

    @Test
    void readsTheTestModelsFacts() throws IOException {
        ModelFacts facts = ModelFacts.read(TestModels.tiny());

        assertThat(facts.architecture()).isEqualTo("llama");
        assertThat(facts.contextLength()).isEqualTo(2048);
        assertThat(facts.quantization()).isEqualTo("F32");
        assertThat(facts.fileSize()).isEqualTo(Files.size(TestModels.tiny()));
        assertThat(facts.loadable()).isTrue();
        assertThat(facts.alias()).isEqualTo("parley-test-tiny");
        assertThat(facts.layers()).isEqualTo(2);
        assertThat(facts.kvWidth()).isEqualTo(64);
        // F32 weights: four bytes a parameter, the rest of the file is the header and its vocabulary
        assertThat(facts.parameterCount()).isBetween((facts.fileSize() - 20_000) / 4, facts.fileSize() / 4);
        assertThat(facts.parameters()).endsWith("K");
    }

    @Test
    void readsTypedValuesArraysAndTensorShapes() throws IOException {
        Path file = TestModels.write(folder, "made.gguf", TestModels.header("qwen3", 40960));

        GgufHeader header = GgufReader.read(file);
        ModelFacts facts = ModelFacts.read(file);

        assertThat(header.version()).isEqualTo(3);
        assertThat(header.values().get("tokenizer.ggml.tokens")).isEqualTo(new GgufHeader.ArrayValue(8, 2));
        assertThat(facts.parameterCount()).isEqualTo(32);
        assertThat(facts.name()).isEqualTo("Made For A Test");
        assertThat(facts.quantization()).isEqualTo("Q4_K_M");
        assertThat(facts.contextLength()).isEqualTo(40960);
        assertThat(facts.loadable()).as("qwen3 is newer than the engine's llama.cpp").isFalse();
    }

    @Test
    void aTruncatedFileIsCalledTruncatedWhereverItEnds() throws IOException {
        int headerEnd = TestModels.header("llama", 2048).length;
        byte[] made = TestModels.header("llama", 2048);
        for (int cut = 8; cut < headerEnd; cut++) {
            Path file = TestModels.write(folder, "cut" + cut + ".gguf", java.util.Arrays.copyOf(made, cut));
            assertThatThrownBy(() -> GgufReader.read(file)).as("cut at %d", cut)
                    .isInstanceOf(GgufException.class).hasMessageContaining("truncated");
        }
        Path cutModel = TestModels.truncated(folder, 4000);
        assertThatThrownBy(() -> ModelFacts.read(cutModel)).hasMessageContaining("truncated");
    }

    @Test
    void aFileThatIsNotGgufIsNamedSo() throws IOException {
        Path text = TestModels.write(folder, "notes.gguf", "just some words, no model".getBytes());
        Path empty = TestModels.write(folder, "empty.gguf", new byte[0]);

        assertThatThrownBy(() -> GgufReader.read(text)).hasMessageContaining("notes.gguf is not a GGUF model file");
        assertThatThrownBy(() -> GgufReader.read(empty)).hasMessageContaining("truncated");
    }

    @Test
    void anAbsurdCountIsRefusedWithoutReadingOn() throws IOException {
        TestModels.Writer w = new TestModels.Writer();
        w.u32(GgufReader.MAGIC).u32(3).u64(0).u64(1).u64(Long.MAX_VALUE);
        Path file = TestModels.write(folder, "absurd.gguf", w.bytes());

        assertThatThrownBy(() -> GgufReader.read(file)).hasMessageContaining("damaged");
    }
}
