package parley.ui.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.junit.jupiter.api.Test;

class BlockSplitterTest {
    private static final String SAMPLE = """
            # Title

            A paragraph with **bold** and `code`
            over two lines.

            - one
            - two
              continued

            ```java
            int a = 1;

            int b = 2;
            ```
            | a | b |
            |---|---|
            | 1 | 2 |

            > quoted
            > text

            Text right before a fence
            ~~~
            plain
            ~~~

            1. first
            2. second

            The end.
            """;

    @Test
    void finishedBlocksEndAtBlankLinesAndTheLastStaysOpen() {
        BlockSplitter splitter = new BlockSplitter();
        List<String> done = splitter.append("# T\n\npara one\n\npara two");
        assertThat(done).containsExactly("# T\n", "para one\n");
        assertThat(splitter.openBlock()).isEqualTo("para two");
    }

    @Test
    void aFencedBlockKeepsItsBlankLinesAndEndsAtItsClosingFence() {
        BlockSplitter splitter = new BlockSplitter();
        List<String> done = splitter.append("```java\na\n\nb\n```\nafter");
        assertThat(done).containsExactly("```java\na\n\nb\n```\n");
        assertThat(splitter.openBlock()).isEqualTo("after");
    }

    @Test
    void anIndentedLineAfterABlankLineStaysInTheBlock() {
        BlockSplitter splitter = new BlockSplitter();
        List<String> done = splitter.append("- item\n\n  more of the item\n");
        assertThat(done).isEmpty();
        assertThat(splitter.openBlock()).isEqualTo("- item\n\n  more of the item\n");
    }

    @Test
    void aFenceThatInterruptsAParagraphStartsANewBlock() {
        BlockSplitter splitter = new BlockSplitter();
        List<String> done = splitter.append("text\n```\ncode\n");
        assertThat(done).containsExactly("text\n");
        assertThat(splitter.openBlock()).isEqualTo("```\ncode\n");
    }

    @Test
    void piecesOfAnySizeGiveTheSameBlocksAsTheWhole() {
        List<String> whole = split(SAMPLE, SAMPLE.length());
        for (int size : new int[] {1, 2, 3, 7, 13}) {
            assertThat(split(SAMPLE, size)).as("pieces of %d", size).isEqualTo(whole);
        }
        Random random = new Random(42);
        for (int run = 0; run < 20; run++) {
            assertThat(splitRandomly(SAMPLE, random)).isEqualTo(whole);
        }
    }

    @Test
    void theBlocksRenderAsTheWholeDocumentDoes() {
        Parser parser = Parser.builder()
                .extensions(List.of(TablesExtension.create(), StrikethroughExtension.create())).build();
        HtmlRenderer html = HtmlRenderer.builder()
                .extensions(List.of(TablesExtension.create(), StrikethroughExtension.create())).build();
        StringBuilder pieces = new StringBuilder();
        for (String block : split(SAMPLE, 5)) pieces.append(html.render(parser.parse(block)));
        assertThat(pieces.toString()).isEqualTo(html.render(parser.parse(SAMPLE)));
    }

    @Test
    void theOpenBlockStaysBoundedInALongParagraph() {
        BlockSplitter splitter = new BlockSplitter();
        int longest = 0;
        StringBuilder all = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            String piece = i % 12 == 11 ? "word\n" : "word ";
            all.append(piece);
            splitter.append(piece);
            longest = Math.max(longest, splitter.openBlock().length());
        }
        assertThat(longest).isLessThanOrEqualTo(BlockSplitter.MAX_OPEN + 100);
    }

    @Test
    void theOpenBlockStaysBoundedInALineWithoutBreaks() {
        BlockSplitter splitter = new BlockSplitter();
        StringBuilder joined = new StringBuilder();
        int longest = 0;
        for (int i = 0; i < 10_000; i++) {
            for (String block : splitter.append("lorem ")) joined.append(block).append(' ');
            longest = Math.max(longest, splitter.openBlock().length());
        }
        joined.append(splitter.finish());
        assertThat(longest).isLessThanOrEqualTo(2 * BlockSplitter.MAX_OPEN + 10);
        assertThat(joined.toString().split(" +")).hasSize(10_000);
    }

    @Test
    void aLongCodeBlockContinuesAsANewFencedBlockWithTheSameInfo() {
        BlockSplitter splitter = new BlockSplitter();
        List<String> done = new ArrayList<>(splitter.append("```python\n"));
        for (int i = 0; i < 2_000; i++) done.addAll(splitter.append("print(" + i + ")\n"));
        assertThat(done).isNotEmpty();
        for (String block : done) {
            assertThat(block).startsWith("```python\n").endsWith("```\n");
        }
        assertThat(splitter.openBlock()).startsWith("```python\n").contains("print(1999)");
        StringBuilder code = new StringBuilder();
        for (String block : done) code.append(block, "```python\n".length(), block.length() - 4);
        code.append(splitter.openBlock().substring("```python\n".length()));
        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < 2_000; i++) expected.append("print(").append(i).append(")\n");
        assertThat(code.toString()).isEqualTo(expected.toString());
    }

    private static List<String> split(String text, int size) {
        BlockSplitter splitter = new BlockSplitter();
        List<String> blocks = new ArrayList<>();
        for (int i = 0; i < text.length(); i += size) {
            blocks.addAll(splitter.append(text.substring(i, Math.min(text.length(), i + size))));
        }
        blocks.add(splitter.finish());
        return blocks;
    }

    private static List<String> splitRandomly(String text, Random random) {
        BlockSplitter splitter = new BlockSplitter();
        List<String> blocks = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            int end = Math.min(text.length(), i + 1 + random.nextInt(40));
            blocks.addAll(splitter.append(text.substring(i, end)));
            i = end;
        }
        blocks.add(splitter.finish());
        return blocks;
    }
}
