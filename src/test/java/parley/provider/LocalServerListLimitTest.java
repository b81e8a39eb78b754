package parley.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import parley.api.ReadLimits;
import parley.testing.ScriptedServer;
import parley.testing.ScriptedServer.Reply;

/** A local server's model list past the limit is not read: the server shows, with no models. */
class LocalServerListLimitTest {
    @Test
    void aSeventeenMegabyteListFromALocalServerIsNotRead() {
        byte[] body = new byte[17 * (int) ReadLimits.MB];
        Arrays.fill(body, (byte) ' ');
        byte[] start = "{\"object\":\"list\",\"data\":[{\"id\":\"m\"}]}".getBytes(StandardCharsets.UTF_8);
        System.arraycopy(start, 0, body, 0, start.length);
        try (ScriptedServer big = ScriptedServer.start(); ScriptedServer small = ScriptedServer.start()) {
            big.enqueue(Reply.fixed(200, "application/json", body));
            small.enqueue(Reply.fixed(200, "application/json", Arrays.copyOf(body, start.length + 100)));

            List<LocalServer> found = new LocalServerDetector(Duration.ofSeconds(20)).detect(List.of(
                    new ProviderProfile("big", "big", big.baseUrl(), null, null, true),
                    new ProviderProfile("small", "small", small.baseUrl(), null, null, true)));

            assertThat(found).extracting(s -> s.profile().id()).containsExactly("big", "small");
            assertThat(found.getFirst().models()).isEmpty();
            assertThat(found.get(1).models()).extracting(ModelInfo::id).containsExactly("m");
        }
    }
}
