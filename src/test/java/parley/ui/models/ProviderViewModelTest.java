package parley.ui.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import parley.api.ChatClient;
import parley.api.ClientConfig;
import parley.chat.ChatSettings;
import parley.provider.LocalServer;
import parley.provider.ModelInfo;
import parley.provider.ModelListParser;
import parley.provider.Providers;
import parley.store.SessionSecrets;
import parley.testing.MarksInMemory;
import parley.testing.ScriptedServer;
import parley.testing.ScriptedServer.Reply;
import parley.ui.UiThread;

class ProviderViewModelTest {
    private final ScriptedServer server = ScriptedServer.start();
    private final ModelLister lister = (profile, key) -> {
        try (ChatClient c = new ChatClient(ClientConfig.of(profile.baseUrl(), key))) {
            return ModelListParser.parse(c.fetchModels().toString());
        }
    };

    @AfterEach
    void stop() { server.close(); }

    private final MarksInMemory marks = new MarksInMemory();

    private ProviderViewModel vm(Map<String, String> env, List<LocalServer> running) {
        return new ProviderViewModel(lister, () -> running, new SessionSecrets("memory"), marks, env, Runnable::run, UiThread.DIRECT);
    }

    @Test
    void theKeyringIsAskedOnlyOnTheBackgroundExecutorAndTheKeyStateFollowsItsAnswer() {
        List<Runnable> queued = new java.util.ArrayList<>();
        List<String> asked = new java.util.concurrent.CopyOnWriteArrayList<>();
        SessionSecrets keyring = new SessionSecrets("memory");
        keyring.put(Providers.DEFAULT.id(), "kept-key-of-the-default-provider");
        parley.store.SecretStore watched = new parley.store.SecretStore() {
            public java.util.Optional<String> get(String id) { asked.add("get " + id); return keyring.get(id); }
            public void put(String id, String key) { asked.add("put " + id); keyring.put(id, key); }
            public void forget(String id) { asked.add("forget " + id); keyring.forget(id); }
            public boolean persistent() { return false; }
            public String description() { return "watched"; }
        };
        ProviderViewModel vm = new ProviderViewModel((p, k) -> List.of(), List::of, watched, marks, Map.of(), queued::add,
                UiThread.DIRECT);
        assertThat(asked).as("nothing asked on the caller's thread").isEmpty();
        assertThat(vm.keyRead().toCompletableFuture()).isNotDone();
        assertThat(vm.keyStatusProperty().get()).isEqualTo("Reading the key…");

        runAll(queued);
        assertThat(asked).containsExactly("get " + Providers.DEFAULT.id());
        assertThat(vm.keyRead().toCompletableFuture()).isCompleted();
        assertThat(vm.keyStateProperty().get()).isEqualTo(ProviderViewModel.KeyState.TYPED);

        vm.setTypedKey("");
        assertThat(vm.keyStateProperty().get()).isNotEqualTo(ProviderViewModel.KeyState.TYPED);
        assertThat(asked).as("the forget waits for the executor").hasSize(1);
        runAll(queued);
        assertThat(asked).endsWith("forget " + Providers.DEFAULT.id());
        assertThat(vm.apiKey()).isNull();
    }

    private static void runAll(List<Runnable> queued) {
        while (!queued.isEmpty()) queued.removeFirst().run();
    }

    @Test
    void aCustomServerIsAddedSelectedAndItsModelsListed() {
        server.enqueue(Reply.recording("llama-server/models.txt", 0));
        ProviderViewModel vm = vm(Map.of(), List.of());
        assertThat(vm.addCustom(server.baseUrl())).isTrue();
        assertThat(vm.provider().baseUrl()).isEqualTo(server.baseUrl());
        assertThat(vm.modelsStateProperty().get()).isEqualTo(ProviderViewModel.ModelsState.LOADED);
        assertThat(vm.models()).extracting(ModelInfo::id).containsExactly("tiny-llama");
        assertThat(vm.modelProperty().get()).isEqualTo("tiny-llama");
        assertThat(vm.reachProperty().get()).isEqualTo(ProviderViewModel.Reach.REACHABLE);
        assertThat(vm.keyStateProperty().get()).isEqualTo(ProviderViewModel.KeyState.MISSING);
        assertThat(vm.provider().local()).isFalse();
        assertThat(vm.customProperty().get()).isTrue();
        ChatSettings s = vm.applyTo(ChatSettings.defaults());
        assertThat(s.providerId()).isEqualTo(Providers.CUSTOM_ID);
        assertThat(s.baseUrl()).isEqualTo(server.baseUrl());
        assertThat(s.model()).isEqualTo("tiny-llama");
    }

    @Test
    void aCustomServerIsLocalOnlyOnceTheUserMarksItAndTheMarkIsKept() {
        server.fallback(r -> Reply.recording("llama-server/models.txt", 0));
        ProviderViewModel vm = vm(Map.of(), List.of());
        vm.addCustom(server.baseUrl());
        assertThat(vm.provider().local()).isFalse();

        vm.markLocal(true);

        assertThat(vm.provider().local()).isTrue();
        assertThat(vm.keyStateProperty().get()).isEqualTo(ProviderViewModel.KeyState.NOT_NEEDED);
        assertThat(vm.keyStatusProperty().get()).isEqualTo("No key needed");
        assertThat(vm.providers()).filteredOn(p -> p.baseUrl().equals(server.baseUrl())).singleElement()
                .satisfies(p -> assertThat(p.local()).isTrue());
        assertThat(marks.load().isMarked(server.baseUrl())).isTrue();
        assertThat(vm.models()).extracting(ModelInfo::id).containsExactly("tiny-llama");

        ProviderViewModel next = vm(Map.of(), List.of());
        next.addCustom(server.baseUrl() + "/");
        assertThat(next.provider().local()).isTrue();

        next.markLocal(false);
        assertThat(next.provider().local()).isFalse();
        assertThat(marks.load().isMarked(server.baseUrl())).isFalse();
    }

    @Test
    void aKeyThatWouldTravelInClearIsRefusedInTheKeyStatus() {
        ProviderViewModel vm = vm(Map.of(), List.of());
        vm.addCustom("http://192.0.2.7:9/v1");
        vm.setTypedKey("sk-test");
        assertThat(vm.keyStatusProperty().get()).contains("plain http://", "192.0.2.7").doesNotContain("sk-test");
        vm.selectProvider(Providers.OLLAMA);
        assertThat(vm.keyStatusProperty().get()).isEqualTo("No key needed");
    }

    @Test
    void aMalformedBaseUrlIsRefusedWithAMessage() {
        ProviderViewModel vm = vm(Map.of(), List.of());
        assertThat(vm.addCustom("ftp://x")).isFalse();
        assertThat(vm.messageProperty().get()).contains("must start with http:// or https://");
        assertThat(vm.provider()).isEqualTo(Providers.DEFAULT);
    }

    @Test
    void theKeyComesFromTheEnvironmentUnlessOneIsTyped() {
        ProviderViewModel vm = vm(Map.of("ATLASCLOUD_API_KEY", "env-key"), List.of());
        assertThat(vm.keyStateProperty().get()).isEqualTo(ProviderViewModel.KeyState.ENVIRONMENT);
        assertThat(vm.keyStatusProperty().get()).isEqualTo("Key from $ATLASCLOUD_API_KEY");
        assertThat(vm.apiKey()).isEqualTo("env-key");
        vm.setTypedKey(" typed ");
        assertThat(vm.apiKey()).isEqualTo("typed");
        assertThat(vm.keyStateProperty().get()).isEqualTo(ProviderViewModel.KeyState.TYPED);
        vm.setTypedKey("");
        assertThat(vm.apiKey()).isEqualTo("env-key");
    }

    @Test
    void aMissingKeyNamesTheVariableToSet() {
        ProviderViewModel vm = vm(Map.of(), List.of());
        assertThat(vm.keyStateProperty().get()).isEqualTo(ProviderViewModel.KeyState.MISSING);
        assertThat(vm.keyStatusProperty().get()).isEqualTo("Set $ATLASCLOUD_API_KEY or type a key");
    }

    @Test
    void testConnectionSendsTheTypedKeyAndReportsTheProvidersRefusal() throws Exception {
        server.enqueue(Reply.recording("llama-server/models.txt", 0));
        ProviderViewModel vm = vm(Map.of(), List.of());
        vm.addCustom(server.baseUrl());
        server.takeRequest(1, java.util.concurrent.TimeUnit.SECONDS);
        server.enqueue(Reply.json(401, "{\"error\":{\"message\":\"Invalid API Key\",\"type\":\"authentication_error\"}}"));
        vm.setTypedKey("sk-test");
        vm.testConnection();
        var request = server.takeRequest(1, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(request.header("Authorization")).isEqualTo("Bearer sk-test");
        assertThat(vm.modelsStateProperty().get()).isEqualTo(ProviderViewModel.ModelsState.FAILED);
        assertThat(vm.reachProperty().get()).isEqualTo(ProviderViewModel.Reach.REACHABLE);
        assertThat(vm.reachMessageProperty().get()).contains("refused the key").contains("HTTP 401").contains("Invalid API Key");
    }

    @Test
    void aServerThatDoesNotAnswerIsShownUnreachable() {
        int port = server.port();
        server.close();
        ProviderViewModel vm = vm(Map.of(), List.of());
        vm.addCustom("http://127.0.0.1:" + port + "/v1");
        assertThat(vm.reachProperty().get()).isEqualTo(ProviderViewModel.Reach.UNREACHABLE);
        assertThat(vm.modelsStateProperty().get()).isEqualTo(ProviderViewModel.ModelsState.FAILED);
    }

    @Test
    void theSearchFiltersTheModelsAndAnyIdCanBeTyped() {
        server.enqueue(Reply.json(200, "{\"object\":\"list\",\"data\":[{\"id\":\"alpha-7b\"},{\"id\":\"beta-70b\"},{\"id\":\"alpha-70b\"}]}"));
        ProviderViewModel vm = vm(Map.of(), List.of());
        vm.addCustom(server.baseUrl());
        vm.setFilter("70B");
        assertThat(vm.models()).extracting(ModelInfo::id).containsExactly("beta-70b", "alpha-70b");
        vm.setFilter("");
        assertThat(vm.models()).hasSize(3);
        vm.selectModel("my-own-model");
        assertThat(vm.modelProperty().get()).isEqualTo("my-own-model");
    }

    @Test
    void localServersFoundRunningAreMarked() {
        ProviderViewModel vm = vm(Map.of(), List.of(new LocalServer(Providers.OLLAMA, List.of())));
        vm.detectLocalServers();
        assertThat(vm.running()).containsExactly("ollama");
        assertThat(vm.detectionProperty().get()).isEqualTo("Running here: Ollama.");
    }

    @Test
    void choosingAProviderTakesItsDefaultModelAndLoadsItsList() {
        AtomicInteger asked = new AtomicInteger();
        ProviderViewModel vm = new ProviderViewModel((p, k) -> {
            asked.incrementAndGet();
            return List.of(new ModelInfo("deepseek-chat", "deepseek-chat", true, new BigDecimal("0.28"), new BigDecimal("0.42"), null, 128000));
        }, List::of, new SessionSecrets("m"), new MarksInMemory(), Map.of(), Runnable::run, UiThread.DIRECT);
        vm.selectProvider(Providers.DEEPSEEK);
        assertThat(asked).hasValue(1);
        assertThat(vm.modelProperty().get()).isEqualTo("deepseek-chat");
        assertThat(ModelText.details(vm.modelInfo().orElseThrow()))
                .isEqualTo("$0.28 in · $0.42 out per M tokens · 128,000 tokens context");
    }

    @Test
    void theBuiltInEngineIsInTheProviderListAndListsTheModelChosenForIt() {
        ProviderViewModel vm = new ProviderViewModel((p, k) -> p.equals(Providers.LOCAL_GGUF)
                ? List.of(ModelInfo.of("parley-test-tiny")) : List.of(), List::of, new SessionSecrets("m"),
                new MarksInMemory(), Map.of(), Runnable::run, UiThread.DIRECT);
        assertThat(vm.providers()).contains(Providers.LOCAL_GGUF);
        assertThat(Providers.LOCAL_GGUF.name()).isEqualTo("This computer");
        vm.selectProvider(Providers.LOCAL_GGUF);
        assertThat(vm.modelProperty().get()).isEqualTo("parley-test-tiny");
        assertThat(vm.keyStatusProperty().get()).doesNotContain("No API key");
    }
}
