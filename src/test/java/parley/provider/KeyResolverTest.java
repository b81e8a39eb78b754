package parley.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class KeyResolverTest {
    private static final Map<String, String> ENV = Map.of("ATLASCLOUD_API_KEY", "sk-env", "DEEPSEEK_API_KEY", " ");

    @Test
    void anExplicitKeyWinsOverTheEnvironment() {
        assertThat(KeyResolver.of("sk-explicit", ENV).keyFor(Providers.ATLAS_CLOUD)).get()
                .extracting(ApiKey::value).isEqualTo("sk-explicit");
        assertThat(KeyResolver.of(null, ENV).keyFor(Providers.ATLAS_CLOUD)).get()
                .extracting(ApiKey::value).isEqualTo("sk-env");
    }

    @Test
    void aBlankVariableOrALocalServerHasNoKey() {
        assertThat(KeyResolver.fromEnvironment(ENV).keyFor(Providers.DEEPSEEK)).isEmpty();
        assertThat(KeyResolver.fromEnvironment(ENV).keyFor(Providers.OLLAMA)).isEmpty();
    }

    @Test
    void moreSourcesAreAskedAfterTheFirst() {
        KeyResolver resolver = KeyResolver.fromEnvironment(ENV)
                .then(profile -> Optional.of(new ApiKey("sk-keyring-" + profile.id(), "the keyring")));
        assertThat(resolver.keyFor(Providers.ATLAS_CLOUD).orElseThrow().value()).isEqualTo("sk-env");
        assertThat(resolver.keyFor(Providers.OPENAI).orElseThrow().value()).isEqualTo("sk-keyring-openai");
    }

    @Test
    void aKeyNeverShowsInItsText() {
        ApiKey key = new ApiKey("sk-secret-123", "$ATLASCLOUD_API_KEY");
        assertThat(key.toString()).doesNotContain("sk-secret").contains("ATLASCLOUD_API_KEY");
    }
}
