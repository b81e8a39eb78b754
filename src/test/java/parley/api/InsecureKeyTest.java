package parley.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InsecureKeyTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "http://192.168.1.5:8080/v1    | true",
            "HTTP://api.example.com/v1     | true",
            "http://10.0.0.1/v1            | true",
            "http://localhost.evil.com/v1  | true",
            "http://127.0.0.1:8080/v1      | false",
            "http://127.3.4.5:8080/v1      | false",
            "http://localhost:8080/v1      | false",
            "http://localhost.:8080/v1     | false",
            "http://[::1]:8080/v1          | false",
            "http://[0:0:0:0:0:0:0:1]/v1   | false",
            "https://api.example.com/v1    | false",
            "https://192.168.1.5/v1        | false"})
    void aKeyNeedsConsentOnlyOverPlainHttpToAnotherMachine(String baseUrl, boolean needsConsent) {
        assertThat(InsecureKey.needsConsent(baseUrl)).isEqualTo(needsConsent);
    }

    @ParameterizedTest(name = "key {0}, consent {1} -> refused {2}")
    @CsvSource({"true, false, true", "true, true, false", "false, false, false", "false, true, false"})
    void onlyAKeyWithoutConsentIsRefused(boolean hasKey, boolean consent, boolean refused) {
        String refusal = InsecureKey.refusal("http://192.0.2.7:8080/v1", hasKey, consent, "pass --allow-insecure-key");

        assertThat(refusal != null).isEqualTo(refused);
        if (refused) {
            assertThat(refusal).contains("plain http://", "192.0.2.7", "https://", "--allow-insecure-key")
                    .doesNotContain("\n");
        }
    }
}
