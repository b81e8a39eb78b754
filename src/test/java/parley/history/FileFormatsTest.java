package parley.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import parley.api.ChatMessage;
import parley.api.ChatRequest;

class FileFormatsTest {
    @TempDir
    Path dir;

    @Test
    void conversationJsonRoundTripIsEqual() throws Exception {
        SavedConversation original = Samples.conversation();
        Path file = dir.resolve("c.json");
        ConversationJson.write(original, file);

        SavedConversation back = ConversationJson.read(file);

        assertThat(back).isEqualTo(original);
        assertThat(ConversationJson.write(back)).isEqualTo(Files.readString(file));
    }

    @Test
    void conversationJsonCarriesModelParametersAndUsage() {
        String json = ConversationJson.write(Samples.conversation());

        assertThat(json).contains("\"format\" : \"parley.conversation\"", "\"temperature\" : 0.3",
                "\"max_tokens\" : 2048", "\"seed\" : 42", "\"prompt_tokens\" : 12", "\"reasoning_tokens\" : 20",
                "\"created_at\" : \"2026-11-30T02:00:00.123Z\"", "\"total_usage\"")
                .as("a message without tools, choices or log-probabilities has no place for them")
                .doesNotContain("\"tool_calls\"", "\"choices\"", "\"logprobs\" : [", "\"chosen\"");
    }

    @Test
    void importRefusesOtherFilesWithOneLine() {
        assertThatThrownBy(() -> ConversationJson.read("{\"hello\":1}", "x.json"))
                .isInstanceOf(FileFormatException.class)
                .hasMessage("x.json is not a Parley conversation export (it lacks \"format\": \"parley.conversation\"):"
                        + " choose a file made with Export as JSON.");
        assertThatThrownBy(() -> ConversationJson.read("not json", "y.json"))
                .hasMessageStartingWith("y.json is not a readable conversation export (").hasMessageNotContaining("\n");
        assertThatThrownBy(() -> ConversationJson.read(ConversationJson.write(Samples.conversation())
                .replace("\"role\" : \"user\"", "\"role\" : \"robot\""), "z.json"))
                .hasMessageContaining("message 1 has no valid role");
    }

    @Test
    void markdownShowsEveryMessageWithHowItWasMade() {
        String md = ConversationMarkdown.write(Samples.conversation());

        assertThat(md).startsWith("# Prime numbers, briefly\n\n*atlascloud · deepseek-ai/deepseek-v3.2-speciale*")
                .contains("## System\n\nYou are terse.", "## User\n\nName the first three primes.",
                        "## Assistant\n\n*deepseek-ai/deepseek-v3.2-speciale · max_tokens 2048, temperature 0.3",
                        "> Smallest prime is 2…\n>\n> then 3, 5.", "```\ncode 👍 \"quoted\"\n```",
                        "*tokens: 12 in, 30 out (20 reasoning), 4 cached*",
                        "## Assistant (failed)", "*Error: HTTP 502: upstream*", "Total: tokens: 12 in, 30 out");
    }

    @Test
    void sessionFileRoundTripIsEqualAndReplaysTheSameRequest() throws Exception {
        ChatRequest request = Samples.request();
        List<ChatMessage> messages = List.of(ChatMessage.user("Hi"), ChatMessage.assistant("Hello!"),
                ChatMessage.user("Tell me a joke"));
        SessionFile session = SessionFile.of("local", "http://127.0.0.1:8080/v1", request, "Be funny.", messages);
        Path file = dir.resolve("joke" + SessionFile.EXTENSION);
        session.write(file);

        SessionFile back = SessionFile.read(file);

        assertThat(back).isEqualTo(session);
        assertThat(back.toJson()).isEqualTo(Files.readString(file));
        ChatRequest replay = back.toRequest();
        assertThat(replay.messages()).containsExactly(ChatMessage.system("Be funny."), ChatMessage.user("Hi"),
                ChatMessage.assistant("Hello!"), ChatMessage.user("Tell me a joke"));
        assertThat(replay).usingRecursiveComparison().ignoringFields("messages").isEqualTo(request);
        assertThat(SessionFile.isSessionFileName(file)).isTrue();
    }

    @Test
    void sessionFileRefusesWhatItCannotReplay() {
        assertThatThrownBy(() -> SessionFile.parse("{\"format\":\"parley.session\",\"version\":1}", "a.parley.json"))
                .hasMessage("a.parley.json names no model: add \"model\": \"…\" to the file.");
        assertThatThrownBy(() -> SessionFile.parse("{\"format\":\"parley.session\",\"version\":9,\"model\":\"m\"}",
                "b.parley.json")).hasMessageContaining("newer Parley");
        assertThatThrownBy(() -> SessionFile.parse("{\"format\":\"parley.session\",\"version\":1,\"model\":\"m\","
                + "\"messages\":[{\"role\":\"wizard\",\"content\":\"x\"}]}", "c.parley.json"))
                .hasMessageContaining("message 1 needs a \"role\"");
        assertThatThrownBy(() -> SessionFile.read(dir.resolve("missing.parley.json")))
                .isInstanceOf(FileFormatException.class).hasMessageContaining("check that the file exists");
    }

    @Test
    void titlesComeFromTheFirstLineWithWords() {
        assertThat(Titles.fromFirstMessage("\n\n  Hello   there \nsecond")).isEqualTo("Hello there");
        assertThat(Titles.fromFirstMessage("   ")).isEqualTo(Titles.UNTITLED);
        String longTitle = Titles.fromFirstMessage("word ".repeat(40));
        assertThat(longTitle).endsWith("…").hasSizeLessThanOrEqualTo(Titles.MAX_LENGTH);
    }
}
