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
        {{key_check}}
        var body = {{body}};
        using (var client = new HttpClient())
        using (var request = new HttpRequestMessage(HttpMethod.Post, {{url}}))
        {
            {{auth}}
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
