package parley.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LoopbackTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "localhost                  | true",
            "LocalHost                  | true",
            "localhost.                 | true",
            "127.0.0.1                  | true",
            "127.1                      | true",
            "127.0.1                    | true",
            "127.1.2.3                  | true",
            "127.255.255.254            | true",
            "2130706433                 | true",
            "::1                        | true",
            "[::1]                      | true",
            "0:0:0:0:0:0:0:1            | true",
            "[0:0:0:0:0:0:0:1]          | true",
            "0000:0000:0000:0000:0000:0000:0000:0001 | true",
            "::ffff:127.0.0.1           | true",
            "128.0.0.1                  | false",
            "126.255.255.255            | false",
            "10.0.0.1                   | false",
            "192.168.1.5                | false",
            "0.0.0.0                    | false",
            "::                         | false",
            "::2                        | false",
            "0177.0.0.1                 | false",
            "127.0.0.1.                 | false",
            "127.0.0.256                | false",
            "1.2.3.4.5                  | false",
            "localhost.evil.com         | false",
            "evil-localhost             | false",
            "foo.localhost              | false",
            "localhost..                | false",
            "api.example.com            | false",
            "''                         | false",
            "NULL                       | false"})
    void knowsWhichHostsAreThisComputer(String host, boolean loopback) {
        assertThat(Loopback.isLoopback(host)).isEqualTo(loopback);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "http://127.0.0.1:8080/v1      | true",
            "http://[::1]:8080/v1          | true",
            "http://localhost.:8080/v1     | true",
            "https://LOCALHOST/v1          | true",
            "http://192.0.2.7:8080/v1      | false",
            "https://api.atlascloud.ai/v1  | false"})
    void readsTheHostOfAUrl(String url, boolean loopback) {
        assertThat(Loopback.isLoopback(URI.create(url))).isEqualTo(loopback);
    }
}
