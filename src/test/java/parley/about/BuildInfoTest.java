package parley.about;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BuildInfoTest {
    @Test
    void mavenFilledInTheVersionAndTheCommit() {
        BuildInfo build = BuildInfo.current();

        assertThat(build.version()).matches("[0-9]+\\.[0-9]+.*");
        // the tests run from a git checkout: the commit is known
        assertThat(build.commit()).matches("[0-9a-f]{7,}");
        assertThat(build.commitTime()).matches("\\d{4}-\\d\\d-\\d\\dT.*");
        assertThat(build.versionLines().getFirst()).isEqualTo("parley " + build.version());
    }
}
