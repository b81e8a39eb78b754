package parley.ui.models;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import parley.api.ChatClient;
import parley.api.ClientConfig;
import parley.app.AppDatabase;
import parley.chat.ChatService;
import parley.chat.ChatSettings;
import parley.provider.EndUserStore;
import parley.provider.ModelListParser;
import parley.provider.Providers;
import parley.store.Database;
import parley.store.SessionSecrets;
import parley.store.Settings;
import parley.testing.MarksInMemory;
import parley.testing.ScriptedServer;
import parley.testing.ScriptedServer.Reply;
import parley.ui.UiThread;

/** The end-user id set per provider: kept with the provider's settings and sent as the request's user. */
class EndUserTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir Path dir;
    private final ScriptedServer server = ScriptedServer.start();

    @AfterEach
    void stop() { server.close(); }

    @Test
    void theUserSetForAProviderIsOnTheWireAndKeptForThatProviderOnly() throws Exception {
        server.fallback(r -> r.path().endsWith("/models") ? Reply.recording("llama-server/models.txt", 0)
                : Reply.sse("{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"ok\"},\"finish_reason\":\"stop\"}]}"));
        Path file = dir.resolve("parley.db");
        try (Database db = AppDatabase.open(file)) {
            ProviderViewModel vm = vm(db);
            vm.addCustom(server.baseUrl());
            assertThat(vm.applyTo(ChatSettings.defaults()).extended().user()).as("none set").isNull();

            vm.setEndUser("  alice@team ");

            assertThat(vm.endUserProperty().get()).isEqualTo("alice@team");
            ChatService chat = new ChatService(s -> new ChatClient(ClientConfig.of(server.baseUrl(), null)), r -> { });
            chat.setSettings(vm.applyTo(ChatSettings.defaults()));
            chat.send("Hi").await();
            var body = JSON.readTree(server.requests().stream().filter(r -> r.path().endsWith("/chat/completions"))
                    .findFirst().orElseThrow().bodyText());
            assertThat(body.path("user").asText()).isEqualTo("alice@team");

            vm.selectProvider(Providers.OLLAMA);
            assertThat(vm.endUserProperty().get()).as("another provider has its own").isEmpty();
            assertThat(vm.applyTo(ChatSettings.defaults()).extended().user()).isNull();
        }
        try (Database reopened = AppDatabase.open(file)) {
            ProviderViewModel vm = vm(reopened);
            vm.addCustom(server.baseUrl());
            assertThat(vm.endUserProperty().get()).as("kept with the provider's settings").isEqualTo("alice@team");

            vm.setEndUser("");

            assertThat(vm.applyTo(ChatSettings.defaults()).extended().user()).isNull();
            assertThat(new EndUserStore(new Settings(reopened)).load("custom:" + server.baseUrl())).isEmpty();
        }
    }

    private ProviderViewModel vm(Database db) {
        return new ProviderViewModel((profile, key) -> {
            try (ChatClient c = new ChatClient(ClientConfig.of(profile.baseUrl(), key))) {
                return ModelListParser.parse(c.fetchModels().toString());
            }
        }, List::of, new SessionSecrets("memory"), new MarksInMemory(), new EndUserStore(new Settings(db)), Map.of(),
                Runnable::run, UiThread.DIRECT);
    }
}
