import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

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
                    {"role": "system", "content": "Answer in JSON."},
                    {"role": "user", "content": "Is the sky blue? Say \\"why\\" in one line."}
                  ],
                  "max_tokens": 256,
                  "temperature": 0.2,
                  "seed": 4242424242,
                  "n": 2,
                  "logprobs": true,
                  "top_logprobs": 5,
                  "response_format": {
                    "type": "json_schema",
                    "json_schema": {
                      "name": "answer",
                      "schema": {
                        "type": "object",
                        "properties": {
                          "answer": {"type": "string"},
                          "confidence": {"type": "number", "minimum": 0, "maximum": 1},
                          "sources": {
                            "type": "array",
                            "items": {"type": "string"}
                          }
                        },
                        "required": ["answer", "confidence", "sources"],
                        "additionalProperties": false
                      },
                      "strict": true
                    }
                  },
                  "user": "user-1234",
                  "reasoning_effort": "low",
                  "stream": false,
                  "thinking": {"type": "disabled"},
                  "top_k": 40
                }
                """;
        HttpRequest request = HttpRequest.newBuilder(URI.create("https://api.atlascloud.ai/v1/chat/completions"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + apiKey)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            System.err.println("HTTP " + response.statusCode() + ": " + response.body());
            System.exit(1);
        }
        String reasoning = field(response.body(), "reasoning_content");
        if (reasoning != null) {
            System.err.println(reasoning);
        }
        System.out.println(field(response.body(), "content"));
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
