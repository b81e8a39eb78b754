import OpenAI from "openai";

const client = new OpenAI({
  apiKey: "none", // this server needs no key
  baseURL: "http://127.0.0.1:11434/v1",
});

const stream = await client.chat.completions.create({
  model: "qwen2.5:0.5b",
  messages: [
    { role: "user", content: "hello" },
  ],
  stream: true,
});

for await (const chunk of stream) {
  const delta = chunk.choices[0]?.delta;
  if (!delta) continue;
  // DeepSeek and SGLang send reasoning_content, vLLM and OpenRouter reasoning
  const reasoning = delta.reasoning_content ?? delta.reasoning;
  if (reasoning) process.stderr.write(reasoning);
  if (delta.content) process.stdout.write(delta.content);
}
process.stdout.write("\n");
