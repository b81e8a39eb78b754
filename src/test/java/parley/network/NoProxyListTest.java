package parley.network;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NoProxyListTest {
    @Test
    void aDomainMatchesItselfAndEveryNameUnderIt() {
        NoProxyList list = NoProxyList.parse("example.com");
        assertThat(list.bypasses("example.com", 443)).isTrue();
        assertThat(list.bypasses("api.example.com", 443)).isTrue();
        assertThat(list.bypasses("a.b.example.com", 80)).isTrue();
        assertThat(list.bypasses("notexample.com", 443)).as("a suffix only at a dot").isFalse();
        assertThat(list.bypasses("example.com.evil.org", 443)).isFalse();
    }

    @Test
    void aLeadingDotOrStarDotMeansTheSameDomain() {
        for (String entry : new String[] {".corp.example", "*.corp.example"}) {
            NoProxyList list = NoProxyList.parse(entry);
            assertThat(list.bypasses("git.corp.example", 443)).as(entry).isTrue();
            assertThat(list.bypasses("corp.example", 443)).as(entry).isTrue();
            assertThat(list.bypasses("xcorp.example", 443)).as(entry).isFalse();
        }
    }

    @Test
    void aStarAloneBypassesEveryHost() {
        assertThat(NoProxyList.parse("*").bypasses("anything.org", 1)).isTrue();
        assertThat(NoProxyList.parse("a.org, *").bypasses("b.org", 1)).isTrue();
        assertThat(NoProxyList.parse("*.org").bypasses("b.com", 1)).isFalse();
    }

    @Test
    void hostAndPortMatchesThatPortOnly() {
        NoProxyList list = NoProxyList.parse("internal.example:8443");
        assertThat(list.bypasses("internal.example", 8443)).isTrue();
        assertThat(list.bypasses("internal.example", 443)).isFalse();
    }

    @Test
    void ipLiteralsMatchAsWrittenNotAsSuffixes() {
        NoProxyList list = NoProxyList.parse("10.1.2.3, ::1, [fd00::7]:8080");
        assertThat(list.bypasses("10.1.2.3", 443)).isTrue();
        assertThat(list.bypasses("110.1.2.3", 443)).isFalse();
        assertThat(list.bypasses("10.1.2.33", 443)).isFalse();
        assertThat(list.bypasses("[::1]", 443)).isTrue();
        assertThat(list.bypasses("::1", 443)).isTrue();
        assertThat(list.bypasses("fd00::7", 8080)).isTrue();
        assertThat(list.bypasses("fd00::7", 80)).isFalse();
    }

    @Test
    void namesAreComparedWithoutCaseAndTrailingDots() {
        NoProxyList list = NoProxyList.parse(" Example.COM. ,, other.org ");
        assertThat(list.bypasses("API.example.com.", 443)).isTrue();
        assertThat(list.bypasses("other.org", 443)).isTrue();
    }

    @Test
    void blankIsEmpty() {
        assertThat(NoProxyList.parse(null).isEmpty()).isTrue();
        assertThat(NoProxyList.parse("  ").bypasses("example.com", 443)).isFalse();
    }
}
