import json
import os
import sys

from openai import OpenAI

{{key_check}}
client = OpenAI(
    api_key={{api_key}}
    base_url={{base_url}},
)

# Rounds of tool calls before giving up without a final answer
MAX_ROUNDS = 10


{{mcp_note}}
def run_tool(name, arguments):
    """Runs the tool the model called, with its arguments (a dict), and returns the result as text."""
    raise NotImplementedError(f"implement run_tool() to run the tool {name!r} with the arguments {arguments}")


def assistant_turn(content, tool_calls, reasoning_content):
    """The reply with its tool calls, as the next request carries it back."""
    turn = {"role": "assistant", "content": content, "tool_calls": tool_calls}
    if reasoning_content:
        # DeepSeek in thinking mode wants its reasoning back after a tool call
        turn["reasoning_content"] = reasoning_content
    return turn


messages = {{messages}}

for _ in range(MAX_ROUNDS):
    response = client.chat.completions.create(
        {{arguments}}
    )
    message = response.choices[0].message
    reasoning = getattr(message, "reasoning_content", None) or getattr(message, "reasoning", None)
    if reasoning:
        print(reasoning, file=sys.stderr)
    if message.content:
        print(message.content)
    if not message.tool_calls:
        break
    tool_calls = [
        {"id": call.id, "type": "function",
         "function": {"name": call.function.name, "arguments": call.function.arguments}}
        for call in message.tool_calls
    ]
    messages.append(assistant_turn(message.content, tool_calls, getattr(message, "reasoning_content", None)))
    for call in tool_calls:
        result = run_tool(call["function"]["name"], json.loads(call["function"]["arguments"] or "{}"))
        messages.append({"role": "tool", "tool_call_id": call["id"], "content": result})
else:
    sys.exit(f"No final answer after {MAX_ROUNDS} rounds of tool calls.")
