import OpenAI from "openai";

{{key_check}}
const client = new OpenAI({
  apiKey: {{api_key}}
  baseURL: {{base_url}},
});

const stream = await client.chat.completions.create({{body}});

for await (const chunk of stream) {
  const delta = chunk.choices[0]?.delta;
  if (!delta) continue;
  // DeepSeek and SGLang send reasoning_content, vLLM and OpenRouter reasoning
  const reasoning = delta.reasoning_content ?? delta.reasoning;
  if (reasoning) process.stderr.write(reasoning);
  if (delta.content) process.stdout.write(delta.content);
}
process.stdout.write("\n");
