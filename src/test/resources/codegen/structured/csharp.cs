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
          ""model"": ""deepseek-ai/deepseek-v3.2"",
          ""messages"": [
            {""role"": ""system"", ""content"": ""Answer in JSON.""},
            {""role"": ""user"", ""content"": ""Is the sky blue? Say \""why\"" in one line.""}
          ],
          ""max_tokens"": 256,
          ""temperature"": 0.2,
          ""seed"": 4242424242,
          ""n"": 2,
          ""logprobs"": true,
          ""top_logprobs"": 5,
          ""response_format"": {
            ""type"": ""json_schema"",
            ""json_schema"": {
              ""name"": ""answer"",
              ""schema"": {
                ""type"": ""object"",
                ""properties"": {
                  ""answer"": {""type"": ""string""},
                  ""confidence"": {""type"": ""number"", ""minimum"": 0, ""maximum"": 1},
                  ""sources"": {
                    ""type"": ""array"",
                    ""items"": {""type"": ""string""}
                  }
                },
                ""required"": [""answer"", ""confidence"", ""sources""],
                ""additionalProperties"": false
              },
              ""strict"": true
            }
          },
          ""user"": ""user-1234"",
          ""reasoning_effort"": ""low"",
          ""stream"": false,
          ""thinking"": {""type"": ""disabled""},
          ""top_k"": 40
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
