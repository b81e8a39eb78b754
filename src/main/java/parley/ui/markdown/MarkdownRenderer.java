package parley.ui.markdown;

import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.Cursor;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;
import javafx.scene.text.TextFlow;
import org.commonmark.ext.gfm.strikethrough.Strikethrough;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableHead;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.LinkReferenceDefinition;
import org.commonmark.node.ListItem;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.Parser;

/**
 * Turns Markdown (CommonMark with GFM tables and strikethrough) into JavaFX nodes. Nothing is
 * fetched: an image becomes its alt text and address, a link becomes text that reports a click to
 * the {@link LinkHandler} and never opens anything by itself. Raw HTML is shown as text.
 */
public final class MarkdownRenderer {
    private static final Parser PARSER = Parser.builder()
            .extensions(List.of(TablesExtension.create(), StrikethroughExtension.create()))
            .build();

    private final LinkHandler links;

    public MarkdownRenderer(LinkHandler links) {
        this.links = links;
    }

    /** Renders a piece of Markdown: one node for a single block, else a box of its blocks. */
    public Node render(String markdown) {
        org.commonmark.node.Node document = PARSER.parse(markdown);
        VBox box = blocks(document);
        if (box.getChildren().size() == 1) return box.getChildren().getFirst();
        return box;
    }

    private VBox blocks(org.commonmark.node.Node parent) {
        VBox box = new VBox();
        box.getStyleClass().add("md-blocks");
        for (var child = parent.getFirstChild(); child != null; child = child.getNext()) {
            Node node = block(child);
            if (node != null) box.getChildren().add(node);
        }
        return box;
    }

    private Node block(org.commonmark.node.Node node) {
        return switch (node) {
            case Paragraph p -> flow(p, "md-paragraph");
            case Heading h -> flow(h, "md-heading", "md-h" + h.getLevel());
            case FencedCodeBlock c -> new CodeBlockView(c.getInfo(), c.getLiteral());
            case IndentedCodeBlock c -> new CodeBlockView(null, c.getLiteral());
            case BulletList list -> list(list, -1);
            case OrderedList list -> list(list, list.getMarkerStartNumber() == null ? 1 : list.getMarkerStartNumber());
            case BlockQuote quote -> styled(blocks(quote), "md-quote");
            case ThematicBreak ignored -> styled(new Separator(), "md-rule");
            case HtmlBlock html -> styled(new TextFlow(text(html.getLiteral(), "md-html")), "md-paragraph");
            case TableBlock table -> table(table);
            case LinkReferenceDefinition ignored -> null;
            default -> styled(blocks(node), "md-blocks");
        };
    }

    /**
     * A list: an item that is one paragraph becomes one text flow with its marker in front (few
     * nodes, as lists are common); any other item becomes the marker beside its blocks.
     */
    private Node list(org.commonmark.node.Node list, int start) {
        VBox box = new VBox();
        box.getStyleClass().add("md-list");
        int number = start;
        for (var item = list.getFirstChild(); item != null; item = item.getNext()) {
            if (!(item instanceof ListItem)) continue;
            String marker = start < 0 ? "•  " : number++ + ".  ";
            var only = item.getFirstChild();
            if (only instanceof Paragraph paragraph && only.getNext() == null) {
                TextFlow flow = new TextFlow(text(marker, "md-list-marker"));
                flow.getStyleClass().addAll("md-paragraph", "md-list-item");
                inlines(paragraph, Style.PLAIN, flow);
                box.getChildren().add(flow);
            } else {
                Label label = new Label(marker.strip());
                label.getStyleClass().add("md-list-marker");
                label.setMinWidth(Label.USE_PREF_SIZE);
                VBox content = blocks(item);
                HBox.setHgrow(content, Priority.ALWAYS);
                HBox row = new HBox(label, content);
                row.getStyleClass().add("md-list-item");
                box.getChildren().add(row);
            }
        }
        return box;
    }

    private Node table(TableBlock table) {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("md-table");
        int row = 0;
        for (var section = table.getFirstChild(); section != null; section = section.getNext()) {
            boolean head = section instanceof TableHead;
            for (var tr = section.getFirstChild(); tr != null; tr = tr.getNext()) {
                int column = 0;
                for (var cell = tr.getFirstChild(); cell != null; cell = cell.getNext()) {
                    TextFlow flow = flow(cell, head ? "md-th" : "md-td");
                    if (cell instanceof TableCell c) flow.setTextAlignment(alignment(c.getAlignment()));
                    grid.add(flow, column++, row);
                }
                row++;
            }
        }
        for (int i = 0; i < grid.getColumnCount(); i++) {
            ColumnConstraints constraints = new ColumnConstraints();
            constraints.setHgrow(Priority.SOMETIMES);
            grid.getColumnConstraints().add(constraints);
        }
        grid.setAlignment(Pos.TOP_LEFT);
        grid.setMaxWidth(Double.MAX_VALUE);
        return grid;
    }

    private static TextAlignment alignment(TableCell.Alignment alignment) {
        if (alignment == null) return TextAlignment.LEFT;
        return switch (alignment) {
            case CENTER -> TextAlignment.CENTER;
            case RIGHT -> TextAlignment.RIGHT;
            default -> TextAlignment.LEFT;
        };
    }

    private TextFlow flow(org.commonmark.node.Node parent, String... styles) {
        TextFlow flow = new TextFlow();
        flow.getStyleClass().addAll(styles);
        inlines(parent, Style.PLAIN, flow);
        return flow;
    }

    private void inlines(org.commonmark.node.Node parent, Style style, TextFlow flow) {
        for (var node = parent.getFirstChild(); node != null; node = node.getNext()) {
            inline(node, style, flow);
        }
    }

    private void inline(org.commonmark.node.Node node, Style style, TextFlow flow) {
        switch (node) {
            case org.commonmark.node.Text t -> flow.getChildren().add(styled(t.getLiteral(), style));
            case Code c -> flow.getChildren().add(text(c.getLiteral(), "md-inline-code"));
            case Emphasis e -> inlines(e, style.withItalic(), flow);
            case StrongEmphasis s -> inlines(s, style.withBold(), flow);
            case Strikethrough s -> inlines(s, style.withStrike(), flow);
            case Link link -> inlines(link, style.withLink(link.getDestination()), flow);
            case Image image -> flow.getChildren().add(image(image, style));
            case SoftLineBreak ignored -> flow.getChildren().add(styled(" ", style));
            case HardLineBreak ignored -> flow.getChildren().add(styled("\n", style));
            case HtmlInline html -> flow.getChildren().add(text(html.getLiteral(), "md-html"));
            default -> inlines(node, style, flow);
        }
    }

    /** An image is never loaded: it shows as its alt text and address, clickable like a link. */
    private Text image(Image image, Style style) {
        StringBuilder alt = new StringBuilder();
        for (var n = image.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof org.commonmark.node.Text t) alt.append(t.getLiteral());
        }
        String label = "[image: " + (alt.isEmpty() ? "no description" : alt) + "] " + image.getDestination();
        Text text = styled(label, style.withLink(image.getDestination()));
        text.getStyleClass().add("md-image");
        return text;
    }

    private Text styled(String literal, Style style) {
        Text text = text(literal, "md-text");
        if (style.bold()) text.getStyleClass().add("md-bold");
        if (style.italic()) text.getStyleClass().add("md-italic");
        if (style.bold() && style.italic()) text.getStyleClass().add("md-bold-italic");
        if (style.struck()) text.setStrikethrough(true);
        if (style.url() != null) {
            String url = style.url();
            text.getStyleClass().add("md-link");
            text.setCursor(Cursor.HAND);
            text.setUnderline(true);
            text.setOnMouseClicked(e -> links.clicked(url));
        }
        return text;
    }

    private static Text text(String literal, String styleClass) {
        Text text = new Text(literal);
        text.getStyleClass().add(styleClass);
        return text;
    }

    private static <T extends Node> T styled(T node, String styleClass) {
        node.getStyleClass().add(styleClass);
        return node;
    }

    private record Style(boolean bold, boolean italic, boolean struck, String url) {
        static final Style PLAIN = new Style(false, false, false, null);

        Style withBold() { return new Style(true, italic, struck, url); }
        Style withItalic() { return new Style(bold, true, struck, url); }
        Style withStrike() { return new Style(bold, italic, true, url); }
        Style withLink(String target) { return new Style(bold, italic, struck, target); }
    }
}
