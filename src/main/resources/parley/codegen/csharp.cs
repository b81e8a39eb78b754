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
        {{key_check}}
        var body = {{body}};
        using (var client = new HttpClient())
        using (var request = new HttpRequestMessage(HttpMethod.Post, {{url}}))
        {
            {{auth}}
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
