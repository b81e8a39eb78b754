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
    turn = {"role": "assistant", "content": content or None, "tool_calls": tool_calls}
    if reasoning_content:
        # DeepSeek in thinking mode wants its reasoning back after a tool call
        turn["reasoning_content"] = reasoning_content
    return turn


messages = {{messages}}

for _ in range(MAX_ROUNDS):
    stream = client.chat.completions.create(
        {{arguments}}
    )
    content, reasoning_content, calls = "", "", {}
    for chunk in stream:
        if not chunk.choices:
            continue
        delta = chunk.choices[0].delta
        # DeepSeek and SGLang send reasoning_content, vLLM and OpenRouter reasoning
        reasoning = getattr(delta, "reasoning_content", None) or getattr(delta, "reasoning", None)
        if reasoning:
            print(reasoning, end="", file=sys.stderr, flush=True)
        reasoning_content += getattr(delta, "reasoning_content", None) or ""
        if delta.content:
            content += delta.content
            print(delta.content, end="", flush=True)
        # A call comes in pieces: the id and name first, the arguments split over many chunks.
        # The pieces of one call share an index.
        for piece in delta.tool_calls or []:
            call = calls.setdefault(piece.index, {"id": "", "type": "function",
                                                  "function": {"name": "", "arguments": ""}})
            if piece.id:
                call["id"] = piece.id
            if piece.function and piece.function.name:
                call["function"]["name"] = piece.function.name
            if piece.function and piece.function.arguments:
                call["function"]["arguments"] += piece.function.arguments
    print()
    if not calls:
        break
    tool_calls = [calls[index] for index in sorted(calls)]
    messages.append(assistant_turn(content, tool_calls, reasoning_content))
    for call in tool_calls:
        result = run_tool(call["function"]["name"], json.loads(call["function"]["arguments"] or "{}"))
        messages.append({"role": "tool", "tool_call_id": call["id"], "content": result})
else:
    sys.exit(f"No final answer after {MAX_ROUNDS} rounds of tool calls.")
