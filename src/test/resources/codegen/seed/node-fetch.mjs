const apiKey = process.env.ATLASCLOUD_API_KEY;
if (!apiKey) {
  console.error("Set the environment variable ATLASCLOUD_API_KEY to your API key.");
  process.exit(1);
}

const body = {
  model: "deepseek-ai/deepseek-v3.2-speciale",
  messages: [
    { role: "user", content: "hello" },
  ],
  max_tokens: 1024,
  temperature: 0.7,
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
