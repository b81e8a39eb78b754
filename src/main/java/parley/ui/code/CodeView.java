package parley.ui.code;

import atlantafx.base.theme.Styles;
import javafx.animation.PauseTransition;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.LineNumberFactory;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;
import parley.codegen.CodeGenerator;
import parley.ui.Dialogs;

/** The code panel: the request on screen as code in the chosen language, with Copy and Save as…. */
public final class CodeView extends VBox {
    private final CodeViewModel vm;
    private final Dialogs dialogs;
    private final CodeArea area = new CodeArea();
    private final PauseTransition noticeTimer = new PauseTransition(Duration.seconds(2.5));

    public CodeView(CodeViewModel vm, Dialogs dialogs) {
        this.dialogs = dialogs;
        this.vm = vm;
        setId("code-view");
        getStyleClass().add("code-view");
        getStylesheets().add(CodeView.class.getResource("code.css").toExternalForm());
        setSpacing(8);
        setPadding(new Insets(12));

        area.setId("code-area");
        area.setEditable(false);
        area.setParagraphGraphicFactory(LineNumberFactory.get(area));
        VirtualizedScrollPane<CodeArea> scroll = new VirtualizedScrollPane<>(area);
        Label why = new Label();
        why.setId("code-message");
        why.setWrapText(true);
        why.getStyleClass().add(Styles.TEXT_MUTED);
        why.textProperty().bind(vm.messageProperty());
        why.visibleProperty().bind(vm.stateProperty().isNotEqualTo(CodeViewModel.State.READY));
        scroll.visibleProperty().bind(vm.stateProperty().isEqualTo(CodeViewModel.State.READY));
        StackPane body = new StackPane(scroll, why);
        StackPane.setAlignment(why, Pos.TOP_LEFT);
        VBox.setVgrow(body, Priority.ALWAYS);

        getChildren().addAll(toolbar(), body, notice());
        vm.codeProperty().subscribe(this::show);
        vm.noticeProperty().subscribe(text -> { if (!text.isEmpty()) noticeTimer.playFromStart(); });
        noticeTimer.setOnFinished(e -> vm.clearNotice());
        vm.refresh();
    }

    private HBox toolbar() {
        ComboBox<CodeGenerator> languages = new ComboBox<>();
        languages.setId("code-language");
        languages.getItems().setAll(vm.languages());
        languages.setCellFactory(list -> new LanguageCell());
        languages.setButtonCell(new LanguageCell());
        languages.setValue(vm.languageProperty().get());
        languages.valueProperty().subscribe(vm::selectLanguage);
        vm.languageProperty().subscribe(languages::setValue);

        Button copy = new Button("Copy", new FontIcon(Feather.COPY));
        copy.setId("code-copy");
        copy.setTooltip(new Tooltip("Copy the code to the clipboard"));
        copy.setOnAction(e -> copy());
        Button save = new Button("Save as…", new FontIcon(Feather.SAVE));
        save.setId("code-save");
        save.setOnAction(e -> save());
        copy.disableProperty().bind(vm.stateProperty().isNotEqualTo(CodeViewModel.State.READY));
        save.disableProperty().bind(copy.disableProperty());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        // in a narrow panel the language list gives up width, never the buttons' labels
        copy.setMinWidth(Region.USE_PREF_SIZE);
        save.setMinWidth(Region.USE_PREF_SIZE);
        languages.setMinWidth(96);
        HBox bar = new HBox(8, languages, grow, copy, save);
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private Label notice() {
        Label notice = new Label();
        notice.setId("code-notice");
        notice.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.SUCCESS);
        notice.textProperty().bind(vm.noticeProperty());
        return notice;
    }

    private void show(String code) {
        area.replaceText(code);
        if (!code.isEmpty()) {
            area.setStyleSpans(0, CodeHighlighter.spans(vm.languageProperty().get().id(), code));
        }
        area.moveTo(0);
        area.requestFollowCaret();
    }

    private void copy() {
        ClipboardContent content = new ClipboardContent();
        content.putString(vm.codeProperty().get());
        Clipboard.getSystemClipboard().setContent(content);
        vm.copied();
    }

    private void save() {
        dialogs.chooseSave("Save the code as", vm.suggestedFileName()).ifPresent(vm::saveTo);
    }

    /** The text shown in the code area (for tests and screenshots). */
    String shownText() {
        return area.getText();
    }

    private static final class LanguageCell extends ListCell<CodeGenerator> {
        @Override
        protected void updateItem(CodeGenerator item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : item.label());
        }
    }
}
