package parley.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CodeRequestTest {

    @Test
    void endpointIsTheBaseUrlWithoutTrailingSlashesPlusTheChatPath() {
        CodeRequest request = new CodeRequest("https://api.atlascloud.ai/v1//", "ATLASCLOUD_API_KEY", Scenarios.seed());
        assertThat(request.endpoint()).isEqualTo("https://api.atlascloud.ai/v1/chat/completions");
    }

    @Test
    void aBlankKeyVariableMeansNoKey() {
        assertThat(new CodeRequest(Scenarios.ATLAS, " ", Scenarios.seed()).hasKey()).isFalse();
    }

    @Test
    void refusesAVariableNameTheShellCouldNotExpand() {
        assertThatThrownBy(() -> new CodeRequest(Scenarios.ATLAS, "KEY; rm -rf ~", Scenarios.seed()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not an environment variable name");
        assertThatThrownBy(() -> new CodeRequest(Scenarios.ATLAS, "1KEY", Scenarios.seed()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesABaseUrlThatIsNotHttp() {
        assertThatThrownBy(() -> new CodeRequest("api.atlascloud.ai/v1", null, Scenarios.seed()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must start with http:// or https://");
        assertThatThrownBy(() -> new CodeRequest("https:// bad host/v1", null, Scenarios.seed()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a valid URL");
    }
}
