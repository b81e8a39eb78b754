package parley.ui.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import parley.app.AppDatabase;
import parley.chat.ChatService;
import parley.mcp.EverythingServer;
import parley.mcp.McpService;
import parley.mcp.McpTool;
import parley.mcp.ServerState;
import parley.mcp.ServerStore;
import parley.store.Database;
import parley.store.SessionSecrets;
import parley.ui.MainWindow;
import parley.ui.TestDialogs;
import parley.ui.TestWindow;
import parley.ui.UiThread;
import parley.ui.chat.ChatViewModel;

/** The MCP panel in a window on Monocle, against the protocol's reference server started for real. */
class McpFxTest extends FxRobot {
    @TempDir
    Path dir;
    private Database database;
    private McpService service;
    private McpFeature feature;
    private ChatService chat;
    private parley.ui.WindowContext context;
    private final TestDialogs dialogs = new TestDialogs();
    private final ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();

    @BeforeEach
    void show() throws Exception {
        database = AppDatabase.open(dir.resolve("parley.db"));
        service = new McpService(new ServerStore(database, () -> new SessionSecrets("test")), Duration.ofSeconds(20));
        chat = new ChatService(s -> { throw new IllegalStateException("no chat here"); }, r -> { });
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(s -> {
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
            MainWindow window = new MainWindow();
            ChatViewModel chatModel = new ChatViewModel(chat, UiThread.FX);
            context = TestWindow.context(window, chat, chatModel, database, background, UiThread.FX, dialogs);
            feature = new McpFeature(context, service);
            s.setScene(new Scene(window, 1200, 900));
            s.show();
        });
        interact(() -> {
            TabPane side = lookup(".tab-pane").queryAs(TabPane.class);
            side.getTabs().stream().filter(t -> "MCP".equals(t.getText())).findFirst()
                    .ifPresent(t -> side.getSelectionModel().select(t));
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
        feature.close();
        background.shutdownNow();
        database.close();
    }

    @Test
    void theEnabledServersToolsJoinTheRequestAndLeaveItWhenDisabled() throws Exception {
        assertThat(requestToolNames()).isEmpty();

        service.add(EverythingServer.config("everything"));
        waitUntil(() -> requestToolNames().contains("everything__get-sum"));
        assertThat(requestToolNames()).contains("everything__echo");
        assertThat(onFx(() -> chat.nextRequest("hi").extended().tools())).extracting(parley.api.Tool::name)
                .contains("everything__get-sum");

        service.setEnabled("everything", false);
        waitUntil(() -> requestToolNames().isEmpty());
    }

    @Test
    void settingsSavedWithTheServersToolsDoNotTurnThemIntoFunctions() throws Exception {
        parley.api.Tool saved = parley.api.Tool.function("everything__echo", "saved with a conversation", null);
        parley.api.Tool own = parley.api.Tool.function("get_weather", "a function of the Tools tab", null);
        interact(() -> context.controls().show(chat.settings().withExtended(
                parley.api.ExtendedParameters.NONE.withTools(List.of(own, saved), null, null))));
        assertThat(requestToolNames()).containsExactly("get_weather", "everything__echo");

        service.add(EverythingServer.config("everything"));
        waitUntil(() -> requestToolNames().contains("everything__get-sum"));
        assertThat(requestToolNames()).startsWith("get_weather").containsOnlyOnce("everything__echo");
        assertThat(onFx(() -> context.controls().extended().tools().applyTo(parley.api.ExtendedParameters.NONE).tools()))
                .extracting(parley.api.Tool::name).containsExactly("get_weather");
    }

    private List<String> requestToolNames() {
        List<parley.api.Tool> tools = chat.settings().extended().tools();
        return tools == null ? List.of() : tools.stream().map(parley.api.Tool::name).toList();
    }

    @Test
    void importABlockSeeTheToolsAndTestEchoAndGetSum() throws Exception {
        List<String> command = EverythingServer.command();
        String block = new ObjectMapper().writeValueAsString(Map.of("mcpServers", Map.of("everything",
                Map.of("command", command.getFirst(), "args", command.subList(1, command.size())))));
        interact(() -> lookup("#mcp-block").queryAs(TextArea.class).setText(block));
        clickOn("#mcp-import");
        waitUntil(() -> servers().getItems().size() == 1);

        interact(() -> servers().getSelectionModel().select(0));
        waitUntil(() -> service.state("everything") instanceof ServerState.Ready && tools().getItems().size() > 5);
        assertThat(onFx(() -> servers().getItems().getFirst().stateText())).startsWith("ready, 1");

        selectTool("echo");
        assertThat(onFx(() -> lookup("#mcp-tool-schema").queryAs(TextArea.class).getText())).contains("\"message\"");
        interact(() -> lookup("#mcp-arg-message").queryAs(TextField.class).setText("hello panel"));
        pressTest();
        waitUntil(() -> result().contains("hello panel"));
        assertThat(result()).startsWith("Result in ");

        selectTool("get-sum");
        interact(() -> {
            lookup("#mcp-arg-a").queryAs(TextField.class).setText("19");
            lookup("#mcp-arg-b").queryAs(TextField.class).setText("23");
        });
        pressTest();
        waitUntil(() -> result().contains("42"));

        interact(() -> lookup("#mcp-arg-a").queryAs(TextField.class).setText("nineteen"));
        pressTest();
        waitUntil(() -> result().equals("a must be a number, e.g. 2.5."));
    }

    @Test
    void aServerThatCannotStartShowsWhyAndClosingTheWindowEndsTheServers() throws Exception {
        Path block = dir.resolve("servers.json");
        List<String> command = EverythingServer.command();
        Files.writeString(block, new ObjectMapper().writeValueAsString(Map.of("mcpServers", Map.of(
                "ghost", Map.of("command", "parley-no-such-program"),
                "everything", Map.of("command", command.getFirst(), "args", command.subList(1, command.size()))))));
        dialogs.file = block;
        clickOn("#mcp-open");
        waitUntil(() -> servers().getItems().size() == 2);

        interact(() -> servers().getSelectionModel().select(
                servers().getItems().stream().filter(r -> r.name().equals("ghost")).findFirst().orElseThrow()));
        waitUntil(() -> onFx(() -> lookup("#mcp-state").queryAs(javafx.scene.control.Label.class).getText())
                .contains("was not found"));
        interact(() -> servers().getSelectionModel().select(
                servers().getItems().stream().filter(r -> r.name().equals("everything")).findFirst().orElseThrow()));
        waitUntil(() -> service.state("everything") instanceof ServerState.Ready);
        List<ProcessHandle> tree = ProcessHandle.current().descendants().toList();
        assertThat(tree).isNotEmpty();

        feature.close();

        for (ProcessHandle p : tree) p.onExit().get(10, TimeUnit.SECONDS);
        assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).toList()).isEmpty();
    }

    /** The Test button, pressed where it is (it may be below the panel's visible part). */
    private void pressTest() {
        interact(() -> lookup("#mcp-test").queryAs(javafx.scene.control.Button.class).fire());
    }

    private void selectTool(String name) throws Exception {
        interact(() -> {
            McpTool tool = tools().getItems().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
            tools().getSelectionModel().select(tool);
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @SuppressWarnings("unchecked")
    private ListView<McpViewModel.ServerRow> servers() {
        return lookup("#mcp-servers").queryAs(ListView.class);
    }

    @SuppressWarnings("unchecked")
    private ListView<McpTool> tools() {
        return lookup("#mcp-tools").queryAs(ListView.class);
    }

    private String result() throws Exception {
        return onFx(() -> lookup("#mcp-result").queryAs(TextArea.class).getText());
    }

    private static <T> T onFx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(40, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
