package parley.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import parley.api.ChatMessage;
import parley.api.Choice;
import parley.api.ToolCall;
import parley.app.AppDatabase;
import parley.chat.ChatService;
import parley.chat.ChatSettings;
import parley.chat.Message;
import parley.chat.ToolResult;
import parley.store.Database;
import parley.testing.ResultBackend;

/** Tool calls, tool results, reasoning, choices, log-probabilities and the extended parameters, kept everywhere. */
class ToolHistoryTest {
    @TempDir
    Path dir;
    Database database;
    ConversationStore store;
    final ResultBackend backend = new ResultBackend();
    ChatService chat;
    HistoryRecorder recorder;
    HistoryService history;
    final List<String> errors = new ArrayList<>();

    @BeforeEach
    void setUp() {
        database = AppDatabase.open(dir.resolve("parley.db"));
        store = new ConversationStore(database);
        chat = new ChatService(s -> backend, r -> { });
        chat.setSettings(ChatSettings.defaults().withModel("deepseek-chat").withExtended(Samples.extended()));
        recorder = new HistoryRecorder(chat, store, Clock.systemUTC(), Duration.ZERO, errors::add);
        history = new HistoryService(store, chat, recorder);
    }

    @AfterEach
    void tearDown() {
        recorder.close();
        database.close();
    }

    @Test
    void everyNewFieldSurvivesReopeningTheDatabase() {
        SavedConversation loop = Samples.toolLoop();
        String id = store.create(loop.provider(), loop.model(), loop.systemPrompt());
        store.syncMessages(id, loop.messages());
        database.close();

        database = AppDatabase.open(dir.resolve("parley.db"));
        List<SavedMessage> back = new ConversationStore(database).load(id).orElseThrow().messages();

        assertThat(back).isEqualTo(loop.messages());
        assertThat(back.get(1).parameters()).containsEntry("seed", 42).containsEntry("n", 3)
                .containsEntry("tool_choice", Map.of("type", "function", "function",
                        Map.of("name", "get_weather")))
                .containsKeys("tools", "response_format", "logprobs", "top_logprobs", "parallel_tool_calls", "user",
                        "reasoning_effort");
    }

    @Test
    void theJsonExportCarriesEveryNewFieldAndImportsEqual() throws Exception {
        SavedConversation loop = Samples.toolLoop();
        Path file = dir.resolve("loop.json");
        ConversationJson.write(loop, file);
        String json = Files.readString(file);

        assertThat(ConversationJson.read(file)).isEqualTo(loop);
        assertThat(json).contains("\"tool_calls\" : [", "\"tool_call_id\" : \"call_1\"", "\"name\" : \"get_weather\"",
                "\"arguments\" : \"{\\\"city\\\": \\\"Brest\\\"\"", "\"top_logprobs\" : [", "\"bytes\" : [ 226, 128, 153 ]",
                "\"choices\" : [", "\"finish_reason\" : \"tool_calls\"", "\"chosen\" : 1", "\"seed\" : 42",
                "\"response_format\" : {", "\"reasoning_effort\" : \"high\"");
    }

    @Test
    void importingAnExportOpensTheLoopInTheChatWithEveryField() throws Exception {
        SavedConversation loop = Samples.toolLoop();
        String stored = store.insertCopy(loop);
        Path file = dir.resolve("export.json");
        history.exportJson(stored, file);

        String imported = history.importJson(file);

        assertThat(store.load(imported).orElseThrow().messages())
                .usingRecursiveFieldByFieldElementComparatorIgnoringFields("id").isEqualTo(loop.messages());
        List<Message> shown = chat.conversation().messages();
        assertThat(shown.get(1).toolCalls()).extracting(ToolCall::id).containsExactly("call_1", "call_2");
        assertThat(shown.get(2).toolCallId()).isEqualTo("call_1");
        assertThat(shown.get(4).choices()).hasSize(3);
        assertThat(shown.get(4).chosen()).isEqualTo(1);
        assertThat(shown.get(4).logprobs()).hasSize(2);
        assertThat(chat.conversation().history(chat.settings().extended()))
                .extracting(ChatMessage::role).containsExactly("user", "assistant", "tool", "tool", "assistant");
    }

    @Test
    void markdownShowsToolCallsResultsAndTheOtherChoices() {
        String md = ConversationMarkdown.write(Samples.toolLoop());

        assertThat(md).contains("**Tool call** `get_weather` (call_1)\n\n```json\n{\n  \"city\" : \"Saint-Malo\"\n}\n```",
                "**Tool call** `get_weather` (call_2)\n\n```\n{\"city\": \"Brest\"\n```\n\n*The arguments are not valid JSON.*",
                "## Tool · `get_weather` (call_1)\n\n```json\n{\"celsius\": 14, \"sky\": \"sunny\"}\n```",
                "## Tool · `get_weather` (call_2)\n\n````\nno such city ```\n````",
                "*Choice 2 of 3 continued the conversation.*", "### Choice 1\n\nSunny.",
                "### Choice 3\n\n**Tool call** `get_weather` (call_9)",
                "*log-probabilities: 2 tokens, mean -0.105*")
                .doesNotContain("### Choice 2");
    }

    @Test
    void theRecorderKeepsALiveLoopAsItWasSentAndThePickedChoice() throws Exception {
        backend.answer(ResultBackend.toolCalls("Two cities.", ToolCall.of("call_1", "get_weather", "{\"city\":\"Brest \"}")));
        backend.answer(ResultBackend.choices(new Choice(0, "Windy.", null, "stop", null, null),
                new Choice(1, "Brest: 11 °C.", null, "stop", null, null)));
        chat.send("Weather in Brest?").await();
        chat.sendToolResults(List.of(new ToolResult("call_1", "{\"city\":\"Brest\"}", "{\"celsius\": 11}"))).await();
        String last = chat.conversation().last().orElseThrow().id();

        chat.pickChoice(last, 1);
        recorder.flush();

        List<SavedMessage> saved = store.load(chat.conversation().id()).orElseThrow().messages();
        assertThat(errors).isEmpty();
        assertThat(saved).extracting(SavedMessage::role).containsExactly("user", "assistant", "tool", "assistant");
        assertThat(saved.get(1).reasoning()).isEqualTo("Two cities.");
        assertThat(saved.get(1).toolCalls()).containsExactly(ToolCall.of("call_1", "get_weather", "{\"city\":\"Brest\"}"));
        assertThat(saved.get(1).parameters()).containsEntry("seed", 42).containsKey("tools");
        assertThat(saved.get(2).toolCallId()).isEqualTo("call_1");
        assertThat(saved.get(2).name()).isEqualTo("get_weather");
        assertThat(saved.get(2).content()).isEqualTo("{\"celsius\": 11}");
        assertThat(saved.get(3).choices()).hasSize(2);
        assertThat(saved.get(3).chosen()).isEqualTo(1);
        assertThat(saved.get(3).content()).isEqualTo("Brest: 11 °C.");
    }

    @Test
    void aSessionFileReplaysTheLoopWithTheExtendedParameters() throws Exception {
        backend.answer(ResultBackend.toolCalls("Look it up.", ToolCall.of("call_1", "get_weather", "{\"city\":\"Brest\"}")));
        backend.answer(ResultBackend.text("Brest: 11 °C.", List.of()));
        chat.send("Weather in Brest?").await();
        chat.sendToolResults(List.of(ToolResult.of("call_1", "11"))).await();
        ChatSettings before = chat.settings();
        List<ChatMessage> sent = chat.conversation().history(before.extended());
        Path file = dir.resolve("loop" + SessionFile.EXTENSION);

        history.saveSession(file);
        chat.setSettings(ChatSettings.defaults());
        history.openSession(file);

        assertThat(chat.settings()).isEqualTo(before);
        assertThat(chat.settings().extended()).isEqualTo(Samples.extended());
        assertThat(chat.conversation().history(chat.settings().extended())).isEqualTo(sent);
        assertThat(sent.get(1).reasoningContent()).isEqualTo("Look it up.");
        assertThat(sent.get(2)).isEqualTo(ChatMessage.toolResult("call_1", "11"));
        SessionFile session = SessionFile.read(file);
        assertThat(session.toRequest().extended()).isEqualTo(Samples.extended());
        assertThat(session.toRequest().extraFields()).isEmpty();
    }

    @Test
    void aSessionFileRefusesAToolResultWithoutItsCall() {
        assertThatThrownBy(() -> SessionFile.parse("{\"format\":\"parley.session\","
                        + "\"version\":1,\"model\":\"m\",\"messages\":[{\"role\":\"tool\",\"content\":\"x\"}]}", "t.parley.json"))
                .isInstanceOf(FileFormatException.class)
                .hasMessage("t.parley.json: message 1 is a tool result without a \"tool_call_id\": add the id of the call"
                        + " it answers.");
        assertThatThrownBy(() -> SessionFile.parse("{\"format\":\"parley.session\","
                        + "\"version\":1,\"model\":\"m\",\"parameters\":{\"n\":\"many\"}}", "n.parley.json"))
                .isInstanceOf(FileFormatException.class).hasMessageStartingWith("n.parley.json: A request field is not");
    }
}
