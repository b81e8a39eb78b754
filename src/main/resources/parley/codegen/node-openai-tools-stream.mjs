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
  const turn = { role: "assistant", content: content || null, tool_calls: toolCalls };
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
