package parley.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MemoryCheckTest {
    @TempDir
    Path folder;

    @Test
    void theNeedIsTheFileTheContextsCacheAndTheProcess() throws IOException {
        ModelFacts tiny = ModelFacts.read(TestModels.tiny());
        // 2 layers x 2048 tokens x 64 wide, keys and values, 2 bytes each
        long cache = 2L * 2 * 2048 * 64 * 2;

        assertThat(MemoryCheck.need(tiny, 2048)).isEqualTo(tiny.fileSize() + cache + MemoryCheck.PROCESS_SHARE);
    }

    @Test
    void aModelThatDoesNotFitIsRefusedWithTheFigures() throws IOException {
        ModelFacts tiny = ModelFacts.read(TestModels.tiny());

        String problem = MemoryCheck.problem(tiny, 2048, 100L << 20);

        assertThat(problem).contains("parley-test-tiny.gguf needs about 301 MB", "the file 1 MB", "2048 tokens", "100 MB is free");
        assertThat(MemoryCheck.problem(tiny, 2048, 8L << 30)).isNull();
    }

    @Test
    void readsLinuxMemAvailable() throws IOException {
        Path meminfo = Files.writeString(folder.resolve("meminfo"), "MemTotal:  8000000 kB\nMemAvailable:    2048 kB\n");

        assertThat(MemoryCheck.memAvailable(meminfo)).hasValue(2048L * 1024);
    }

    @Test
    void theHostRefusesAModelThatDoesNotFit() {
        EngineHost host = new EngineHost(EngineCommand.current(folder), EngineSettings.DEFAULT, () -> 50L << 20, java.time.Duration.ofSeconds(5));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> host.select(TestModels.tiny()))
                .isInstanceOf(EngineException.class).hasMessageContaining("50 MB is free");
        assertThat(host.selected()).isNull();
    }
}
