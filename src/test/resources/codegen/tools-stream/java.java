import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.stream.Stream;

/** Run with: ATLASCLOUD_API_KEY=... java Main.java (JDK 17 or newer, no libraries). */
public class Main {
    public static void main(String[] args) throws Exception {
        String apiKey = System.getenv("ATLASCLOUD_API_KEY");
        if (apiKey == null || apiKey.isEmpty()) {
            System.err.println("Set the environment variable ATLASCLOUD_API_KEY to your API key.");
            System.exit(1);
        }

        String body = """
                {
                  "model": "deepseek-ai/deepseek-v3.2",
                  "messages": [
                    {"role": "system", "content": "Use the tools when they help."},
                    {"role": "user", "content": "What is the weather in Paris, and what time is it?"},
                    {
                      "role": "assistant",
                      "tool_calls": [
                        {
                          "id": "call_1",
                          "type": "function",
                          "function": {"name": "get_weather", "arguments": "{\\"city\\":\\"Paris\\",\\"unit\\":\\"celsius\\"}"}
                        },
                        {
                          "id": "call_2",
                          "type": "function",
                          "function": {"name": "get_time", "arguments": "{}"}
                        }
                      ],
                      "reasoning_content": "Two tools: weather and time."
                    },
                    {
                      "role": "tool",
                      "content": "{\\"temp\\": 21, \\"sky\\": \\"sunny\\", \\"note\\": \\"$(whoami) `id` 👋 \\\\n\\"}",
                      "tool_call_id": "call_1"
                    },
                    {"role": "tool", "content": "14:05\\nCET", "tool_call_id": "call_2"},
                    {"role": "assistant", "content": "Sunny, 21 °C; it is 14:05."},
                    {"role": "user", "content": "And in Tōkyō?"}
                  ],
                  "max_tokens": 512,
                  "temperature": 0.7,
                  "tools": [
                    {
                      "type": "function",
                      "function": {
                        "name": "get_weather",
                        "description": "The weather in a city now. Say \\"which\\" city; `$HOME` stays as it is.",
                        "parameters": {
                          "type": "object",
                          "properties": {
                            "city": {"type": "string", "description": "The city's name, e.g. \\"Paris\\""},
                            "unit": {
                              "type": "string",
                              "enum": ["celsius", "fahrenheit"]
                            }
                          },
                          "required": ["city"],
                          "additionalProperties": false
                        },
                        "strict": true
                      }
                    },
                    {
                      "type": "function",
                      "function": {"name": "get_time"}
                    }
                  ],
                  "tool_choice": "auto",
                  "parallel_tool_calls": false,
                  "stream": true,
                  "stream_options": {"include_usage": true}
                }
                """;
        HttpRequest request = HttpRequest.newBuilder(URI.create("https://api.atlascloud.ai/v1/chat/completions"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + apiKey)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<Stream<String>> response = HttpClient.newHttpClient()
                .send(request, HttpResponse.BodyHandlers.ofLines());
        if (response.statusCode() != 200) {
            System.err.println("HTTP " + response.statusCode() + ": " + String.join("\n", response.body().toList()));
            System.exit(1);
        }
        try (Stream<String> lines = response.body()) {
            for (String line : (Iterable<String>) lines::iterator) {
                if (!line.startsWith("data:")) {
                    continue;
                }
                String data = line.substring(5).strip();
                if (data.equals("[DONE]")) {
                    break;
                }
                // DeepSeek and SGLang send reasoning_content, vLLM and OpenRouter reasoning
                String reasoning = field(data, "reasoning_content");
                if (reasoning == null) {
                    reasoning = field(data, "reasoning");
                }
                if (reasoning != null) {
                    System.err.print(reasoning);
                    System.err.flush();
                }
                String content = field(data, "content");
                if (content != null) {
                    System.out.print(content);
                    System.out.flush();
                }
            }
        }
        System.out.println();
    }

    /** The string value of the first field called {@code name} in a JSON text, or null: no JSON library needed. */
    static String field(String json, String name) {
        String key = "\"" + name + "\"";
        for (int at = json.indexOf(key); at >= 0; at = json.indexOf(key, at + 1)) {
            int i = skipSpace(json, at + key.length());
            if (i >= json.length() || json.charAt(i) != ':') {
                continue;
            }
            i = skipSpace(json, i + 1);
            if (i >= json.length() || json.charAt(i) != '"') {
                return null;
            }
            StringBuilder value = new StringBuilder();
            for (i++; i < json.length() && json.charAt(i) != '"'; i++) {
                char c = json.charAt(i);
                if (c != '\\') {
                    value.append(c);
                    continue;
                }
                char escaped = json.charAt(++i);
                switch (escaped) {
                    case 'n' -> value.append('\n');
                    case 't' -> value.append('\t');
                    case 'r' -> value.append('\r');
                    case 'b' -> value.append('\b');
                    case 'f' -> value.append('\f');
                    case 'u' -> {
                        value.append((char) Integer.parseInt(json.substring(i + 1, i + 5), 16));
                        i += 4;
                    }
                    default -> value.append(escaped);
                }
            }
            return value.toString();
        }
        return null;
    }

    static int skipSpace(String text, int from) {
        int i = from;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }
}
