import os
import sys

from openai import OpenAI

client = OpenAI(
    api_key="none",  # this server needs no key
    base_url="http://127.0.0.1:11434/v1",
)

stream = client.chat.completions.create(
    model="qwen2.5:0.5b",
    messages=[
        {"role": "user", "content": "hello"},
    ],
    stream=True,
)

for chunk in stream:
    if not chunk.choices:
        continue
    delta = chunk.choices[0].delta
    # DeepSeek and SGLang send reasoning_content, vLLM and OpenRouter reasoning
    reasoning = getattr(delta, "reasoning_content", None) or getattr(delta, "reasoning", None)
    if reasoning:
        print(reasoning, end="", file=sys.stderr, flush=True)
    if delta.content:
        print(delta.content, end="", flush=True)
print()
