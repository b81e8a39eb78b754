package parley.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LocalityTest {
    private static final Locality MARKED = new Locality(Set.of("http://127.0.0.1:4000/v1"));

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "ollama       | NULL                          | true",
            "lmstudio     | NULL                          | true",
            "llama-server | NULL                          | true",
            "vllm         | NULL                          | true",
            "OLLAMA       | NULL                          | true",
            "atlascloud   | NULL                          | false",
            "deepseek     | NULL                          | false",
            "openai       | NULL                          | false",
            "openrouter   | NULL                          | false",
            "someproxy    | NULL                          | false",
            "NULL         | NULL                          | false",
            "custom       | http://127.0.0.1:4000/v1      | true",
            "custom       | http://127.0.0.1:4000/v1/     | true",
            "custom       | http://127.0.0.1:4001/v1      | false",
            "custom       | http://localhost:4000/v1      | false",
            "custom       | http://127.0.0.1:8080/v1      | false",
            "custom       | http://[::1]:4000/v1          | false",
            "custom       | https://api.example.com/v1    | false",
            "custom       | not a url                     | false",
            "ollama       | http://127.0.0.1:11434/v1     | false"})
    void builtInLocalProfilesAndMarkedServersAreLocal(String providerId, String baseUrl, boolean local) {
        assertThat(MARKED.isLocal(providerId, baseUrl)).isEqualTo(local);
        assertThat(Locality.BUILT_IN_ONLY.isLocal(providerId, baseUrl)).isEqualTo(local && baseUrl == null);
    }

    @Test
    void marksAreKeptByTheNormalizedBaseUrl() {
        assertThat(Locality.key("http://127.0.0.1:4000/v1//")).isEqualTo("http://127.0.0.1:4000/v1");
        assertThat(MARKED.isMarked("http://127.0.0.1:4000/v1/")).isTrue();
        assertThat(MARKED.isMarked("ftp://127.0.0.1:4000/v1")).isFalse();
    }

    @Test
    void aLocalProfileNeedsNoKeyAndARemoteOneNeedsItsVariable() {
        assertThat(Providers.OLLAMA.needsKey()).isFalse();
        assertThat(Providers.ATLAS_CLOUD.needsKey()).isTrue();
        assertThat(Locality.withLocal(Providers.custom("http://127.0.0.1:4000/v1", "PROXY_KEY"), true).needsKey()).isFalse();
        assertThat(Providers.custom("http://127.0.0.1:4000/v1", "PROXY_KEY").needsKey()).isTrue();
    }
}
