package parley;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.Heading;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README and the files under src/docs: every relative link and image resolves, and the README stays short. */
class DocsLinksTest {
    private static final Path README = Path.of("README.md");
    private static final Path DOCS = Path.of("src", "docs");
    private static final Parser PARSER = Parser.builder().build();

    @Test
    void everyRelativeLinkAndImageResolves() throws IOException {
        List<Path> files = new ArrayList<>(List.of(README));
        try (Stream<Path> docs = Files.list(DOCS)) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
        }
        List<String> broken = new ArrayList<>();
        for (Path file : files) broken.addAll(brokenLinks(file));
        assertThat(broken).as("broken links").isEmpty();
    }

    @Test
    void everyFileUnderDocsIsLinkedFromTheReadme() throws IOException {
        Set<Path> linked = new HashSet<>();
        for (String target : targets(README)) {
            if (isExternal(target)) continue;
            Path path = README.toAbsolutePath().getParent().resolve(stripFragment(target)).normalize();
            linked.add(path);
        }
        try (Stream<Path> docs = Files.list(DOCS)) {
            assertThat(docs.filter(p -> p.toString().endsWith(".md")).map(p -> p.toAbsolutePath().normalize()))
                    .allSatisfy(doc -> assertThat(linked).as("links of the README").contains(doc));
        }
    }

    @Test
    void theReadmeIsShortAndShowsTheTwoDeveloperCommands() throws IOException {
        List<String> lines = Files.readAllLines(README);
        assertThat(lines.size()).as("lines of README.md").isLessThanOrEqualTo(220);
        assertThat(String.join("\n", lines)).contains("mvn javafx:run").contains("mvn verify");
    }

    @Test
    void aMissingFileImageOrAnchorIsReported(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("there.md"), "# A heading\n\ntext\n");
        Path doc = dir.resolve("doc.md");
        Files.writeString(doc, """
                # Doc
                [fine](there.md#a-heading) [here](#doc) [web](https://example.com/missing)
                [gone](missing.md) ![no picture](shot.png) [no anchor](there.md#nowhere)

                    [in code](also-missing.md)
                """);
        assertThat(brokenLinks(doc)).hasSize(3)
                .anySatisfy(b -> assertThat(b).contains("missing.md"))
                .anySatisfy(b -> assertThat(b).contains("shot.png"))
                .anySatisfy(b -> assertThat(b).contains("#nowhere"));
    }

    /** The relative links and images of one Markdown file that point at nothing, one line each. */
    static List<String> brokenLinks(Path file) {
        List<String> broken = new ArrayList<>();
        for (String target : targets(file)) {
            if (isExternal(target)) continue;
            String path = stripFragment(target);
            String fragment = target.contains("#") ? target.substring(target.indexOf('#') + 1) : null;
            Path resolved = path.isEmpty() ? file : file.toAbsolutePath().getParent().resolve(path).normalize();
            if (!Files.exists(resolved)) {
                broken.add(file + ": " + target + " (no such file)");
            } else if (fragment != null && resolved.toString().endsWith(".md") && !anchors(resolved).contains(fragment)) {
                broken.add(file + ": " + target + " (no heading #" + fragment + ")");
            }
        }
        return broken;
    }

    private static List<String> targets(Path file) {
        List<String> targets = new ArrayList<>();
        parse(file).accept(new AbstractVisitor() {
            @Override
            public void visit(Link link) {
                targets.add(link.getDestination());
                visitChildren(link);
            }

            @Override
            public void visit(Image image) {
                targets.add(image.getDestination());
                visitChildren(image);
            }
        });
        return targets;
    }

    /** The anchors GitHub gives the file's headings: lower case, punctuation dropped, spaces as hyphens. */
    private static Set<String> anchors(Path file) {
        Set<String> anchors = new HashSet<>();
        parse(file).accept(new AbstractVisitor() {
            @Override
            public void visit(Heading heading) {
                String slug = slug(text(heading));
                String anchor = slug;
                for (int n = 1; anchors.contains(anchor); n++) anchor = slug + "-" + n;
                anchors.add(anchor);
            }
        });
        return anchors;
    }

    static String slug(String heading) {
        return heading.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
    }

    private static String text(Node node) {
        StringBuilder text = new StringBuilder();
        node.accept(new AbstractVisitor() {
            @Override
            public void visit(Text t) { text.append(t.getLiteral()); }

            @Override
            public void visit(Code c) { text.append(c.getLiteral()); }
        });
        return text.toString();
    }

    private static Node parse(Path file) {
        try {
            return PARSER.parse(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isExternal(String target) {
        return target.matches("(?i)^[a-z][a-z0-9+.-]*:.*");
    }

    private static String stripFragment(String target) {
        int hash = target.indexOf('#');
        return hash < 0 ? target : target.substring(0, hash);
    }
}
