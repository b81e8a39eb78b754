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
  const turn = { role: "assistant", content, tool_calls: toolCalls };
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
  stream: false,
};

for (let round = 1; ; round++) {
  if (round > MAX_ROUNDS) {
    console.error(`No final answer after ${MAX_ROUNDS} rounds of tool calls.`);
    process.exit(1);
  }
  const completion = await client.chat.completions.create(request);
  const message = completion.choices[0].message;
  const reasoning = message.reasoning_content ?? message.reasoning;
  if (reasoning) console.error(reasoning);
  if (message.content) console.log(message.content);
  if (!message.tool_calls?.length) break;
  const toolCalls = message.tool_calls.map(({ id, function: { name, arguments: args } }) =>
    ({ id, type: "function", function: { name, arguments: args } }));
  request.messages.push(assistantTurn(message.content, toolCalls, message.reasoning_content));
  for (const call of toolCalls) {
    const result = runTool(call.function.name, JSON.parse(call.function.arguments || "{}"));
    request.messages.push({ role: "tool", tool_call_id: call.id, content: result });
  }
}
