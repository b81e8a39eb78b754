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
  stream: false,
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

const message = (await response.json()).choices[0].message;
const reasoning = message.reasoning_content ?? message.reasoning;
if (reasoning) console.error(reasoning);
console.log(message.content);
