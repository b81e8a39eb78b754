const apiKey = process.env.ATLASCLOUD_API_KEY;
if (!apiKey) {
  console.error("Set the environment variable ATLASCLOUD_API_KEY to your API key.");
  process.exit(1);
}

const body = {
  model: "deepseek-ai/deepseek-v3.2",
  messages: [
    { role: "system", content: "Answer in JSON." },
    { role: "user", content: "Is the sky blue? Say \"why\" in one line." },
  ],
  max_tokens: 256,
  temperature: 0.2,
  seed: 4242424242,
  n: 2,
  logprobs: true,
  top_logprobs: 5,
  response_format: {
    type: "json_schema",
    json_schema: {
      name: "answer",
      schema: {
        type: "object",
        properties: {
          answer: { type: "string" },
          confidence: { type: "number", minimum: 0, maximum: 1 },
          sources: {
            type: "array",
            items: { type: "string" },
          },
        },
        required: ["answer", "confidence", "sources"],
        additionalProperties: false,
      },
      strict: true,
    },
  },
  user: "user-1234",
  reasoning_effort: "low",
  stream: false,
  thinking: { type: "disabled" },
  top_k: 40,
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
