import OpenAI from "openai";

const apiKey = process.env.ATLASCLOUD_API_KEY;
if (!apiKey) {
  console.error("Set the environment variable ATLASCLOUD_API_KEY to your API key.");
  process.exit(1);
}

const client = new OpenAI({
  apiKey: apiKey,
  baseURL: "https://api.atlascloud.ai/v1",
});

const completion = await client.chat.completions.create({
  model: "deepseek-ai/deepseek-v3.2-speciale",
  messages: [
    { role: "user", content: "hello" },
  ],
  max_tokens: 1024,
  temperature: 0.7,
});

const message = completion.choices[0].message;
const reasoning = message.reasoning_content ?? message.reasoning;
if (reasoning) console.error(reasoning);
console.log(message.content);
