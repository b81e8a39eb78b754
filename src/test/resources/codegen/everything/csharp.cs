using System;
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
          ""stream"": false,
          ""top_k"": 40,
          ""chat_template_kwargs"": {""enable_thinking"": false}
        }";
        using (var client = new HttpClient())
        using (var request = new HttpRequestMessage(HttpMethod.Post, "https://api.atlascloud.ai/v1/chat/completions"))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
            using (var response = await client.SendAsync(request))
            {
                var text = await response.Content.ReadAsStringAsync();
                if (!response.IsSuccessStatusCode)
                {
                    Console.Error.WriteLine($"HTTP {(int)response.StatusCode}: {text}");
                    Environment.Exit(1);
                }
                using (var reply = JsonDocument.Parse(text))
                {
                    var message = reply.RootElement.GetProperty("choices")[0].GetProperty("message");
                    var reasoning = Text(message, "reasoning_content") ?? Text(message, "reasoning");
                    if (reasoning != null) Console.Error.WriteLine(reasoning);
                    Console.WriteLine(Text(message, "content"));
                }
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
