import os
import sys

from openai import OpenAI

{{key_check}}
client = OpenAI(
    api_key={{api_key}}
    base_url={{base_url}},
)

stream = client.chat.completions.create(
    {{arguments}}
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
