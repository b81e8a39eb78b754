package parley.ui.code;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
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
import parley.store.SessionSecrets;
import parley.testing.MarksInMemory;
import parley.ui.TestDialogs;
import parley.ui.UiThread;
import parley.ui.models.ProviderViewModel;
import parley.ui.request.RequestViewModel;

/** The panel as the window wires it: it follows the Request panel's request and the chosen provider. */
@ExtendWith(ApplicationExtension.class)
class CodePanelTest {
    private final AtomicReference<ChatRequest> next = new AtomicReference<>(request(0.7));
    private final AtomicReference<String> failure = new AtomicReference<>();
    private RequestViewModel request;
    private ProviderViewModel providers;

    private static ChatRequest request(double temperature) {
        return new ChatRequest("deepseek-ai/deepseek-v3.2-speciale", List.of(ChatMessage.user("hello")),
                null, temperature, null, null, null, null, false, null, null);
    }

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        request = new RequestViewModel(() -> {
            if (failure.get() != null) throw new IllegalArgumentException(failure.get());
            return next.get();
        }, UiThread.DIRECT);
        request.refresh();
        providers = new ProviderViewModel((p, k) -> List.of(), List::of, new SessionSecrets("memory"), new MarksInMemory(), Map.of(),
                Runnable::run, UiThread.DIRECT);
        CodeView view = CodePanel.following(request, providers, Executors.newVirtualThreadPerTaskExecutor(), UiThread.FX,
                new TestDialogs());
        stage.setScene(new Scene(view, 760, 520));
        stage.show();
    }

    @Test
    void showsTheProvidersUrlAndKeyVariableAndFollowsTheRequest(FxRobot robot) throws Exception {
        CodeArea area = robot.lookup("#code-area").queryAs(CodeArea.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> area.getText().contains("\"temperature\": 0.7"));
        assertThat(area.getText()).contains(providers.provider().baseUrl() + "/chat/completions");
        if (providers.provider().keyEnv() != null) {
            assertThat(area.getText()).contains(providers.provider().keyEnv());
        }

        next.set(request(1.3));
        robot.interact(request::refresh);

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> area.getText().contains("\"temperature\": 1.3"));
        assertThat(area.getText()).doesNotContain("0.7");
    }

    @Test
    void explainsWhyThereIsNoCodeWhenTheRequestCannotBeBuilt(FxRobot robot) throws Exception {
        failure.set("Choose a model first.");
        robot.interact(request::refresh);

        Label why = robot.lookup("#code-message").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> why.getText().equals("Choose a model first."));
        assertThat(why.isVisible()).isTrue();
        assertThat(robot.lookup("#code-copy").queryButton().isDisabled()).isTrue();
    }
}
