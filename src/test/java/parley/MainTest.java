package parley;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MainTest {
    @Test
    void aSessionFileAloneOpensTheWindowAnythingElseIsTheCommandLine() {
        assertThat(Main.opensSessionFile(new String[] {"/tmp/My Test.parley.json"})).isTrue();
        assertThat(Main.opensSessionFile(new String[] {"EXPERIMENT.PARLEY.JSON"})).isTrue();
        assertThat(Main.opensSessionFile(new String[] {"send"})).isFalse();
        assertThat(Main.opensSessionFile(new String[] {"export.json"})).isFalse();
        assertThat(Main.opensSessionFile(new String[] {"a.parley.json", "b.parley.json"})).isFalse();
    }
}
