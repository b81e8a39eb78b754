package parley.ui.chat;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LinkPolicyTest {
    @Test
    void onlyWebAndMailLinksCanBeOpened() {
        assertThat(ChatView.isWebLink("https://example.com/a?b=c")).isTrue();
        assertThat(ChatView.isWebLink("HTTP://example.com")).isTrue();
        assertThat(ChatView.isWebLink("mailto:someone@example.com")).isTrue();
        assertThat(ChatView.isWebLink("javascript:alert(1)")).isFalse();
        assertThat(ChatView.isWebLink("file:///etc/passwd")).isFalse();
        assertThat(ChatView.isWebLink("relative/path")).isFalse();
        assertThat(ChatView.isWebLink("http://exa mple.com")).isFalse();
    }
}
