import OpenAI from "openai";

{{key_check}}
const client = new OpenAI({
  apiKey: {{api_key}}
  baseURL: {{base_url}},
});

// Rounds of tool calls before giving up without a final answer
const MAX_ROUNDS = 10;

{{mcp_note}}
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

const request = {{body}};

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
