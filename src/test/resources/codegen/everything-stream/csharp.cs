using System;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;

class Program
{
    static async Task Main()
    {
        var apiKey = Environment.GetEnvironmentVariable("ATLASCLOUD_API_KEY");
        if (string.IsNullOrEmpty(apiKey))
        {
            Console.Error.WriteLine("Set the environment variable ATLASCLOUD_API_KEY to your API key.");
            Environment.Exit(1);
        }

        var body = @"{
          ""model"": ""deepseek-ai/deepseek-v3.2-speciale"",
          ""messages"": [
            {""role"": ""system"", ""content"": ""You are terse. Answer in one line.""},
            {
              ""role"": ""user"",
              ""content"": ""Say \""hi\"" and 'bye'\\n (a backslash-n), then a real newline:\n\tthe tab, $(whoami), $HOME, `uname -a`, !! and !$, \\ alone, \""\""\"" three quotes, emoji 👋🏽🚀, CJK 你好世界 こんにちは, é ü ß""
            },
            {""role"": ""assistant"", ""content"": ""Done: \""hi\"" 'bye' `ok` $(nothing) 🚀""},
            {""role"": ""user"", ""content"": ""Again, shorter.""}
          ],
          ""max_tokens"": 512,
          ""temperature"": 0.7,
          ""top_p"": 0.95,
          ""frequency_penalty"": 0.5,
          ""presence_penalty"": -0.25,
          ""stop"": [""\n\n"", ""END""],
          ""stream"": true,
          ""stream_options"": {""include_usage"": true},
          ""top_k"": 40,
          ""chat_template_kwargs"": {""enable_thinking"": false}
        }";
        using (var client = new HttpClient())
        using (var request = new HttpRequestMessage(HttpMethod.Post, "https://api.atlascloud.ai/v1/chat/completions"))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
            using (var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead))
            {
                if (!response.IsSuccessStatusCode)
                {
                    Console.Error.WriteLine($"HTTP {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                    Environment.Exit(1);
                }
                using (var reader = new StreamReader(await response.Content.ReadAsStreamAsync()))
                {
                    string line;
                    while ((line = await reader.ReadLineAsync()) != null)
                    {
                        if (!line.StartsWith("data:")) continue;
                        var data = line.Substring(5).Trim();
                        if (data == "[DONE]") break;
                        using (var chunk = JsonDocument.Parse(data))
                        {
                            if (!chunk.RootElement.TryGetProperty("choices", out var choices)) continue;
                            foreach (var choice in choices.EnumerateArray())
                            {
                                if (!choice.TryGetProperty("delta", out var delta)) continue;
                                // DeepSeek and SGLang send reasoning_content, vLLM and OpenRouter reasoning
                                var reasoning = Text(delta, "reasoning_content") ?? Text(delta, "reasoning");
                                if (reasoning != null) Console.Error.Write(reasoning);
                                var content = Text(delta, "content");
                                if (content != null) Console.Write(content);
                            }
                        }
                    }
                }
                Console.WriteLine();
            }
        }
    }

    static string Text(JsonElement element, string name)
    {
        return element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
    }
}
