const apiKey = process.env.ATLASCLOUD_API_KEY;
if (!apiKey) {
  console.error("Set the environment variable ATLASCLOUD_API_KEY to your API key.");
  process.exit(1);
}

const body = {
  model: "deepseek-ai/deepseek-v3.2",
  messages: [
    { role: "system", content: "Use the tools when they help." },
    { role: "user", content: "What is the weather in Paris, and what time is it?" },
    {
      role: "assistant",
      tool_calls: [
        {
          id: "call_1",
          type: "function",
          function: { name: "get_weather", arguments: "{\"city\":\"Paris\",\"unit\":\"celsius\"}" },
        },
        {
          id: "call_2",
          type: "function",
          function: { name: "get_time", arguments: "{}" },
        },
      ],
      reasoning_content: "Two tools: weather and time.",
    },
    {
      role: "tool",
      content: "{\"temp\": 21, \"sky\": \"sunny\", \"note\": \"$(whoami) `id` 👋 \\n\"}",
      tool_call_id: "call_1",
    },
    { role: "tool", content: "14:05\nCET", tool_call_id: "call_2" },
    { role: "assistant", content: "Sunny, 21 °C; it is 14:05." },
    { role: "user", content: "And in Tōkyō?" },
  ],
  max_tokens: 512,
  temperature: 0.7,
  tools: [
    {
      type: "function",
      function: {
        name: "get_weather",
        description: "The weather in a city now. Say \"which\" city; `$HOME` stays as it is.",
        parameters: {
          type: "object",
          properties: {
            city: { type: "string", description: "The city's name, e.g. \"Paris\"" },
            unit: {
              type: "string",
              enum: ["celsius", "fahrenheit"],
            },
          },
          required: ["city"],
          additionalProperties: false,
        },
        strict: true,
      },
    },
    {
      type: "function",
      function: { name: "get_time" },
    },
  ],
  tool_choice: "auto",
  parallel_tool_calls: false,
  stream: true,
  stream_options: { include_usage: true },
};

const response = await fetch("https://api.atlascloud.ai/v1/chat/completions", {
  method: "POST",
  headers: {
    "Content-Type": "application/json",
    Authorization: `Bearer ${apiKey}`,
  },
  body: JSON.stringify(body),
});
if (!response.ok) {
  console.error(`HTTP ${response.status}: ${await response.text()}`);
  process.exit(1);
}

const decoder = new TextDecoder();
let buffer = "";
for await (const bytes of response.body) {
  buffer += decoder.decode(bytes, { stream: true });
  let end;
  while ((end = buffer.indexOf("\n")) >= 0) {
    const line = buffer.slice(0, end).replace(/\r$/, "");
    buffer = buffer.slice(end + 1);
    if (!line.startsWith("data:")) continue;
    const data = line.slice(5).trim();
    if (data === "[DONE]") continue;
    for (const choice of JSON.parse(data).choices ?? []) {
      const delta = choice.delta ?? {};
      // DeepSeek and SGLang send reasoning_content, vLLM and OpenRouter reasoning
      const reasoning = delta.reasoning_content ?? delta.reasoning;
      if (reasoning) process.stderr.write(reasoning);
      if (delta.content) process.stdout.write(delta.content);
    }
  }
}
process.stdout.write("\n");
