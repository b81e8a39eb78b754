package parley.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QuoteTest {

    @Test
    void cStyleEscapesQuotesBackslashesAndControlCharactersAndKeepsOtherText() {
        assertThat(Quote.cStyle("a\"b\\c\nd\te\u0001f👋你好"))
                .isEqualTo("\"a\\\"b\\\\c\\nd\\te\\x01f👋你好\"");
    }

    @Test
    void javaLiteralsNeverHoldABackslashU() {
        assertThat(Quote.java("\u0001")).isEqualTo("\"\\001\"");
        assertThat(Quote.javaTextBlock("{\"a\": \"\\u0001\"}")).isEqualTo("{\"a\": \"\\\\u0001\"}");
    }

    @Test
    void javaTextBlockCannotBeClosedByTheText() {
        assertThat(Quote.javaTextBlock("\"\"\"")).isEqualTo("\"\"\\\"");
    }

    @Test
    void shellSingleQuotesCloseAndReopenAroundAQuote() {
        assertThat(Quote.shell("it's $(whoami) `id` !!")).isEqualTo("'it'\\''s $(whoami) `id` !!'");
    }

    @Test
    void csharpVerbatimDoublesQuotes() {
        assertThat(Quote.csharpVerbatim("say \"hi\"\\n")).isEqualTo("@\"say \"\"hi\"\"\\n\"");
    }
}
