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
            {""role"": ""system"", ""content"": ""Use the tools when they help.""},
            {""role"": ""user"", ""content"": ""What is the weather in Paris, and what time is it?""},
            {
              ""role"": ""assistant"",
              ""tool_calls"": [
                {
                  ""id"": ""call_1"",
                  ""type"": ""function"",
                  ""function"": {""name"": ""get_weather"", ""arguments"": ""{\""city\"":\""Paris\"",\""unit\"":\""celsius\""}""}
                },
                {
                  ""id"": ""call_2"",
                  ""type"": ""function"",
                  ""function"": {""name"": ""get_time"", ""arguments"": ""{}""}
                }
              ],
              ""reasoning_content"": ""Two tools: weather and time.""
            },
            {
              ""role"": ""tool"",
              ""content"": ""{\""temp\"": 21, \""sky\"": \""sunny\"", \""note\"": \""$(whoami) `id` 👋 \\n\""}"",
              ""tool_call_id"": ""call_1""
            },
            {""role"": ""tool"", ""content"": ""14:05\nCET"", ""tool_call_id"": ""call_2""},
            {""role"": ""assistant"", ""content"": ""Sunny, 21 °C; it is 14:05.""},
            {""role"": ""user"", ""content"": ""And in Tōkyō?""}
          ],
          ""max_tokens"": 512,
          ""temperature"": 0.7,
          ""tools"": [
            {
              ""type"": ""function"",
              ""function"": {
                ""name"": ""get_weather"",
                ""description"": ""The weather in a city now. Say \""which\"" city; `$HOME` stays as it is."",
                ""parameters"": {
                  ""type"": ""object"",
                  ""properties"": {
                    ""city"": {""type"": ""string"", ""description"": ""The city's name, e.g. \""Paris\""""},
                    ""unit"": {
                      ""type"": ""string"",
                      ""enum"": [""celsius"", ""fahrenheit""]
                    }
                  },
                  ""required"": [""city""],
                  ""additionalProperties"": false
                },
                ""strict"": true
              }
            },
            {
              ""type"": ""function"",
              ""function"": {""name"": ""get_time""}
            }
          ],
          ""tool_choice"": ""auto"",
          ""parallel_tool_calls"": false,
          ""stream"": false
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
