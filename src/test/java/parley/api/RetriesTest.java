package parley.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.junit.jupiter.api.Test;

class RetriesTest {
    private static final Duration BASE = Duration.ofMillis(500);

    @Test
    void retryableStatuses() {
        assertThat(List.of(429, 500, 502, 503, 504)).allMatch(Retries::retryable);
        assertThat(List.of(400, 401, 402, 403, 404, 413, 422, 501)).noneMatch(Retries::retryable);
    }

    @Test
    void backoffDoublesWithoutRetryAfter() {
        assertThat(Retries.waitBefore(0, BASE, null)).isEqualTo(Duration.ofMillis(500));
        assertThat(Retries.waitBefore(1, BASE, null)).isEqualTo(Duration.ofMillis(1000));
        assertThat(Retries.waitBefore(10, BASE, null)).isEqualTo(Retries.MAX_WAIT);
    }

    @Test
    void retryAfterInSecondsOrAsAnHttpDate() {
        assertThat(Retries.waitBefore(0, BASE, "3")).isEqualTo(Duration.ofSeconds(3));
        assertThat(Retries.waitBefore(0, BASE, "0.25")).isEqualTo(Duration.ofMillis(250));
        String inTenSeconds = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(10));
        assertThat(Retries.waitBefore(0, BASE, inTenSeconds)).isBetween(Duration.ofSeconds(8), Duration.ofSeconds(10));
        String past = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).minusSeconds(10));
        assertThat(Retries.waitBefore(0, BASE, past)).isEqualTo(Duration.ZERO);
    }

    @Test
    void moreThanThirtySecondsIsNotWaitedFor() {
        assertThat(Retries.waitBefore(0, BASE, "30")).isEqualTo(Duration.ofSeconds(30));
        assertThat(Retries.waitBefore(0, BASE, "31")).isNull();
    }

    @Test
    void unreadableRetryAfterFallsBackToTheBackoff() {
        assertThat(Retries.waitBefore(0, BASE, "soon")).isEqualTo(BASE);
        assertThat(Retries.waitBefore(0, BASE, "-5")).isEqualTo(BASE);
    }

    @Test
    void http2OverTlsHttp11OnPlainHttp() {
        try (ChatClient tls = new ChatClient(ClientConfig.of("https://api.atlascloud.ai/v1", null));
             ChatClient plain = new ChatClient(ClientConfig.of("http://127.0.0.1:8080/v1", null))) {
            assertThat(tls.http().version()).isEqualTo(HttpClient.Version.HTTP_2);
            assertThat(plain.http().version()).isEqualTo(HttpClient.Version.HTTP_1_1);
            assertThat(tls.http().followRedirects()).isEqualTo(HttpClient.Redirect.NEVER);
        }
    }
}
