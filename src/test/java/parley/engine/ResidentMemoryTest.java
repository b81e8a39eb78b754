package parley.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ResidentMemoryTest {
    @Test
    void thisProcessHoldsSomeMemoryAndAGoneProcessIsUnknown() {
        long self = ProcessHandle.current().pid();
        if (System.getProperty("os.name").startsWith("Linux")) {
            assertThat(ResidentMemory.of(self).orElseThrow()).isGreaterThan(1L << 20);
        }
        assertThat(ResidentMemory.of(Long.MAX_VALUE)).isEmpty();
    }
}
