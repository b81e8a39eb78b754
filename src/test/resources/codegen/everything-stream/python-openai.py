import os
import sys

from openai import OpenAI

api_key = os.environ.get("ATLASCLOUD_API_KEY")
if not api_key:
    sys.exit("Set the environment variable ATLASCLOUD_API_KEY to your API key.")

client = OpenAI(
    api_key=api_key,
    base_url="https://api.atlascloud.ai/v1",
)

stream = client.chat.completions.create(
    model="deepseek-ai/deepseek-v3.2-speciale",
    messages=[
        {"role": "system", "content": "You are terse. Answer in one line."},
        {
            "role": "user",
            "content": "Say \"hi\" and 'bye'\\n (a backslash-n), then a real newline:\n\tthe tab, $(whoami), $HOME, `uname -a`, !! and !$, \\ alone, \"\"\" three quotes, emoji 👋🏽🚀, CJK 你好世界 こんにちは, é ü ß",
        },
        {"role": "assistant", "content": "Done: \"hi\" 'bye' `ok` $(nothing) 🚀"},
        {"role": "user", "content": "Again, shorter."},
    ],
    max_tokens=512,
    temperature=0.7,
    top_p=0.95,
    frequency_penalty=0.5,
    presence_penalty=-0.25,
    stop=["\n\n", "END"],
    stream=True,
    stream_options={"include_usage": True},
    extra_body={
        "top_k": 40,
        "chat_template_kwargs": {"enable_thinking": False},
    },
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
