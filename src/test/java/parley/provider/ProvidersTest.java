package parley.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProvidersTest {
    @Test
    void atlasCloudIsTheDefault() {
        assertThat(Providers.DEFAULT.baseUrl()).isEqualTo("https://api.atlascloud.ai/v1");
        assertThat(Providers.DEFAULT.keyEnv()).isEqualTo("ATLASCLOUD_API_KEY");
        assertThat(Providers.DEFAULT.defaultModel()).isEqualTo("deepseek-ai/deepseek-v3.2-speciale");
        assertThat(Providers.resolve(null, null)).isEqualTo(Providers.ATLAS_CLOUD);
    }

    @Test
    void everyProfileIsKnownByItsId() {
        assertThat(Providers.ALL).extracting(ProviderProfile::id).containsExactly("atlascloud", "deepseek",
                "openai", "openrouter", "litellm", "ollama", "lmstudio", "llama-server", "vllm");
        assertThat(Providers.resolve("DeepSeek", null).keyEnv()).isEqualTo("DEEPSEEK_API_KEY");
        assertThat(Providers.resolve("openrouter", null).baseUrl()).isEqualTo("https://openrouter.ai/api/v1");
        assertThat(Providers.local()).extracting(ProviderProfile::baseUrl).containsExactly(
                "http://127.0.0.1:11434/v1", "http://127.0.0.1:1234/v1", "http://127.0.0.1:8080/v1",
                "http://127.0.0.1:8000/v1");
    }

    @Test
    void anUnknownProviderNamesTheKnownOnes() {
        assertThatThrownBy(() -> Providers.resolve("atlas", null))
                .hasMessage("Unknown provider 'atlas': use one of atlascloud, deepseek, openai, openrouter, "
                        + "litellm, ollama, lmstudio, llama-server, vllm, local-gguf, or --base-url for any other server.");
    }

    @Test
    void theBuiltInEngineIsLocalAndNeitherListedNorProbedAsAServer() {
        ProviderProfile engine = Providers.resolve("local-gguf", null);

        assertThat(engine).isEqualTo(Providers.LOCAL_GGUF);
        assertThat(engine.local()).isTrue();
        assertThat(engine.name()).isEqualTo("This computer");
        assertThat(Providers.ALL).doesNotContain(engine);
        assertThat(Providers.local()).doesNotContain(engine);
    }

    @Test
    void aLiteLlmProxyOnLoopbackIsNotLocalAndTakesItsKeyFromItsVariable() {
        ProviderProfile litellm = Providers.resolve("litellm", null);

        assertThat(litellm.baseUrl()).isEqualTo("http://127.0.0.1:4000/v1");
        assertThat(litellm.keyEnv()).isEqualTo("LITELLM_API_KEY");
        assertThat(litellm.local()).as("it forwards to paid providers").isFalse();
        assertThat(litellm.needsKey()).isTrue();
        assertThat(Providers.local()).doesNotContain(litellm);
        assertThat(Locality.BUILT_IN_ONLY.isLocal("litellm", null)).isFalse();
        assertThat(Providers.forwardsToPaidProviders("litellm")).isTrue();
        assertThat(Providers.forwardsToPaidProviders("openai")).isFalse();
        assertThat(KeyResolver.fromEnvironment(java.util.Map.of("LITELLM_API_KEY", "sk-team-1234567"))
                .keyFor(litellm)).map(ApiKey::value).contains("sk-team-1234567");
    }

    @Test
    void aCustomBaseUrlIsNormalized() {
        ProviderProfile custom = Providers.custom("http://127.0.0.1:9000/v1/", null);
        assertThat(custom.id()).isEqualTo(Providers.CUSTOM_ID);
        assertThat(custom.baseUrl()).isEqualTo("http://127.0.0.1:9000/v1");
        assertThat(custom.local()).isFalse();
        assertThat(custom.needsKey()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "example.com/v1", "ftp://example.com/v1", "http://", "http://exa mple.com",
            "https://example.com/v1?x=1"})
    void malformedBaseUrlsAreOneLineRefusals(String url) {
        assertThatThrownBy(() -> Providers.custom(url, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("base URL")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }
}
