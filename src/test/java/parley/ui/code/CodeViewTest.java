package parley.ui.code;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.Clipboard;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import parley.api.ChatMessage;
import parley.api.ChatRequest;
import parley.codegen.CodeRequest;
import parley.ui.TestDialogs;
import parley.ui.UiThread;

@ExtendWith(ApplicationExtension.class)
class CodeViewTest {
    private final AtomicReference<CodeRequest> current = new AtomicReference<>(request("hello"));
    private CodeViewModel vm;

    private static CodeRequest request(String text) {
        return new CodeRequest("https://api.atlascloud.ai/v1", "ATLASCLOUD_API_KEY",
                ChatRequest.of("deepseek-ai/deepseek-v3.2-speciale", List.of(ChatMessage.user(text))));
    }

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet());
        vm = new CodeViewModel(current::get, Runnable::run, UiThread.DIRECT, Duration.ZERO);
        stage.setScene(new Scene(new CodeView(vm, new TestDialogs()), 760, 520));
        stage.show();
    }

    @Test
    void showsTheCodeWithStyledStringsAndKeywords(FxRobot robot) {
        CodeArea area = robot.lookup("#code-area").queryAs(CodeArea.class);
        assertThat(area.getText()).contains("\ncurl 'https://api.atlascloud.ai/v1/chat/completions'");

        robot.clickOn("#code-language").clickOn("Python (requests)");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(vm.languageProperty().get().id()).isEqualTo("python-requests");
        assertThat(area.getText()).startsWith("import os").contains("\"content\": \"hello\"");
        int quote = area.getText().indexOf("\"hello\"");
        assertThat(area.getStyleOfChar(quote + 1)).containsExactly("string");
        assertThat(area.getStyleOfChar(area.getText().indexOf("import") + 1)).containsExactly("keyword");
    }

    @Test
    void followsTheRequestAndCopiesIt(FxRobot robot) {
        current.set(request("what changed"));
        robot.interact(vm::refresh);
        CodeArea area = robot.lookup("#code-area").queryAs(CodeArea.class);
        assertThat(area.getText()).contains("what changed");

        robot.clickOn("#code-copy");
        WaitForAsyncUtils.waitForFxEvents();

        AtomicReference<String> clip = new AtomicReference<>();
        robot.interact(() -> clip.set(Clipboard.getSystemClipboard().getString()));
        assertThat(clip.get()).isEqualTo(area.getText());
        assertThat(robot.lookup("#code-notice").queryAs(Label.class).getText()).isEqualTo("Copied to the clipboard");
    }

    @Test
    void colorsFollowTheTheme(FxRobot robot) {
        AtomicReference<Paint> dark = new AtomicReference<>();
        AtomicReference<Paint> light = new AtomicReference<>();
        robot.interact(() -> dark.set(stringFill(robot)));
        robot.interact(() -> Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet()));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> light.set(stringFill(robot)));

        assertThat(dark.get()).isNotNull();
        assertThat(light.get()).isNotNull().isNotEqualTo(dark.get());
        assertThat(dark.get()).isNotEqualTo(Color.BLACK);
    }

    private static Paint stringFill(FxRobot robot) {
        robot.lookup("#code-area").query().getScene().getRoot().applyCss();
        return robot.lookup(".code-area .string").match(n -> n instanceof Text).tryQuery()
                .map(n -> ((Text) n).getFill()).orElse(null);
    }

    @Test
    void aNarrowPanelKeepsTheButtonsLabelsWhole(FxRobot robot) {
        // its own stage: the primary stage is the one every later FX test is shown in
        AtomicReference<Stage> narrow = new AtomicReference<>();
        robot.interact(() -> {
            Stage stage = new Stage();
            stage.setScene(new Scene(new CodeView(vm, new TestDialogs()), 330, 400));
            stage.show();
            narrow.set(stage);
        });
        try {
            for (String id : List.of("#code-copy", "#code-save")) {
                javafx.scene.control.Button button = robot.from(narrow.get().getScene().getRoot()).lookup(id)
                        .queryAs(javafx.scene.control.Button.class);
                assertThat(button.getWidth()).as(id).isGreaterThanOrEqualTo(button.prefWidth(-1) - 0.5);
            }
        } finally {
            robot.interact(() -> narrow.get().close());
        }
    }
}
