package parley.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import parley.testing.Recordings;

class ModelListParserTest {
    @Test
    void readsOpenAisList() {
        List<ModelInfo> models = ModelListParser.parse("""
                {"object":"list","data":[{"id":"gpt-4o-mini","object":"model","owned_by":"openai"},
                 {"id":"o3","object":"model"}]}""");
        assertThat(models).extracting(ModelInfo::id).containsExactly("gpt-4o-mini", "o3");
        assertThat(models.getFirst().ready()).isTrue();
        assertThat(models.getFirst().inputPrice()).isNull();
    }

    @Test
    void readsTheLlamaServerRecording() {
        List<ModelInfo> models = ModelListParser.parse(Recordings.load("llama-server/models.txt").text());
        assertThat(models).singleElement().satisfies(m -> {
            assertThat(m.id()).isEqualTo("tiny-llama");
            assertThat(m.contextLength()).isEqualTo(2048);
        });
    }

    @Test
    void readsAtlasCloudsListKeepingOnlyConsoleEntriesWithPrices() {
        List<ModelInfo> models = ModelListParser.parse("""
                {"code":200,"msg":"success","data":[
                 {"model":"deepseek-ai/deepseek-v3.2-speciale","display_console":true,"is_ready":true,
                  "price":{"actual":{"input_price":0.4,"output_price":"1.20"},"original":{"input_price":1}}},
                 {"model":"deepseek-ai/deepseek-v3.2","display_name":"DeepSeek V3.2","display_console":true,
                  "is_ready":false,"context_length":163840,
                  "price":{"actual":{"input_price":"0.26","output_price":"0.38","cached_input_price":"0.13"}}},
                 {"model":"internal/hidden","display_console":false,"is_ready":true,
                  "price":{"actual":{"input_price":1,"output_price":2}}},
                 {"model":"no/flag","is_ready":true}
                ]}""");
        assertThat(models).extracting(ModelInfo::id)
                .containsExactly("deepseek-ai/deepseek-v3.2-speciale", "deepseek-ai/deepseek-v3.2");
        ModelInfo speciale = models.getFirst();
        assertThat(speciale.ready()).isTrue();
        assertThat(speciale.inputPrice()).isEqualByComparingTo("0.40");
        assertThat(speciale.outputPrice()).isEqualTo(new BigDecimal("1.20"));
        assertThat(speciale.contextLength()).isNull();
        ModelInfo v32 = models.get(1);
        assertThat(v32.displayName()).isEqualTo("DeepSeek V3.2");
        assertThat(v32.ready()).isFalse();
        assertThat(v32.cachedInputPrice()).isEqualTo(new BigDecimal("0.13"));
        assertThat(v32.contextLength()).isEqualTo(163840);
    }

    @Test
    void anAtlasCloudRefusalCarriesItsMessage() {
        assertThatThrownBy(() -> ModelListParser.parse("{\"code\":401,\"msg\":\"invalid api key\"}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("401").hasMessageContaining("invalid api key");
    }

    @Test
    void somethingElseIsRefusedWithAnExcerpt() {
        assertThatThrownBy(() -> ModelListParser.parse("<html>Bad gateway</html>"))
                .hasMessageContaining("not JSON").hasMessageContaining("Bad gateway");
        assertThatThrownBy(() -> ModelListParser.parse("{\"models\":[]}")).hasMessageContaining("\"data\"");
    }
}
