const apiKey = process.env.ATLASCLOUD_API_KEY;
if (!apiKey) {
  console.error("Set the environment variable ATLASCLOUD_API_KEY to your API key.");
  process.exit(1);
}

const body = {
  model: "deepseek-ai/deepseek-v3.2-speciale",
  messages: [
    { role: "system", content: "You are terse. Answer in one line." },
    {
      role: "user",
      content: "Say \"hi\" and 'bye'\\n (a backslash-n), then a real newline:\n\tthe tab, $(whoami), $HOME, `uname -a`, !! and !$, \\ alone, \"\"\" three quotes, emoji 👋🏽🚀, CJK 你好世界 こんにちは, é ü ß",
    },
    { role: "assistant", content: "Done: \"hi\" 'bye' `ok` $(nothing) 🚀" },
    { role: "user", content: "Again, shorter." },
  ],
  max_tokens: 512,
  temperature: 0.7,
  top_p: 0.95,
  frequency_penalty: 0.5,
  presence_penalty: -0.25,
  stop: ["\n\n", "END"],
  stream: true,
  stream_options: { include_usage: true },
  top_k: 40,
  chat_template_kwargs: { enable_thinking: false },
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
