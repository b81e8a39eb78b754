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

// Rounds of tool calls before giving up without a final answer
const MAX_ROUNDS = 10;

// Runs the tool the model called, with its arguments (an object), and returns the result as text.
function runTool(name, args) {
  throw new Error(`implement runTool() to run the tool ${name} with the arguments ${JSON.stringify(args)}`);
}

// The reply with its tool calls, as the next request carries it back.
function assistantTurn(content, toolCalls, reasoningContent) {
  const turn = { role: "assistant", content: content || null, tool_calls: toolCalls };
  // DeepSeek in thinking mode wants its reasoning back after a tool call
  if (reasoningContent) turn.reasoning_content = reasoningContent;
  return turn;
}

const request = {
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

for (let round = 1; ; round++) {
  if (round > MAX_ROUNDS) {
    console.error(`No final answer after ${MAX_ROUNDS} rounds of tool calls.`);
    process.exit(1);
  }
  const stream = await client.chat.completions.create(request);
  let content = "";
  let reasoningContent = "";
  const calls = new Map();
  for await (const chunk of stream) {
    const delta = chunk.choices[0]?.delta;
    if (!delta) continue;
    // DeepSeek and SGLang send reasoning_content, vLLM and OpenRouter reasoning
    const reasoning = delta.reasoning_content ?? delta.reasoning;
    if (reasoning) process.stderr.write(reasoning);
    reasoningContent += delta.reasoning_content ?? "";
    if (delta.content) {
      content += delta.content;
      process.stdout.write(delta.content);
    }
    // A call comes in pieces: the id and name first, the arguments split over many chunks.
    // The pieces of one call share an index.
    for (const piece of delta.tool_calls ?? []) {
      if (!calls.has(piece.index)) {
        calls.set(piece.index, { id: "", type: "function", function: { name: "", arguments: "" } });
      }
      const call = calls.get(piece.index);
      if (piece.id) call.id = piece.id;
      if (piece.function?.name) call.function.name = piece.function.name;
      if (piece.function?.arguments) call.function.arguments += piece.function.arguments;
    }
  }
  process.stdout.write("\n");
  if (calls.size === 0) break;
  const toolCalls = [...calls.keys()].sort((a, b) => a - b).map((index) => calls.get(index));
  request.messages.push(assistantTurn(content, toolCalls, reasoningContent));
  for (const call of toolCalls) {
    const result = runTool(call.function.name, JSON.parse(call.function.arguments || "{}"));
    request.messages.push({ role: "tool", tool_call_id: call.id, content: result });
  }
}
