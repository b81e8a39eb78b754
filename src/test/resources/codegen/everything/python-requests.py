import os
import sys

import requests

api_key = os.environ.get("ATLASCLOUD_API_KEY")
if not api_key:
    sys.exit("Set the environment variable ATLASCLOUD_API_KEY to your API key.")

url = "https://api.atlascloud.ai/v1/chat/completions"
headers = {
    "Content-Type": "application/json",
    "Authorization": f"Bearer {api_key}",
}
data = {
    "model": "deepseek-ai/deepseek-v3.2-speciale",
    "messages": [
        {"role": "system", "content": "You are terse. Answer in one line."},
        {
            "role": "user",
            "content": "Say \"hi\" and 'bye'\\n (a backslash-n), then a real newline:\n\tthe tab, $(whoami), $HOME, `uname -a`, !! and !$, \\ alone, \"\"\" three quotes, emoji 👋🏽🚀, CJK 你好世界 こんにちは, é ü ß",
        },
        {"role": "assistant", "content": "Done: \"hi\" 'bye' `ok` $(nothing) 🚀"},
        {"role": "user", "content": "Again, shorter."},
    ],
    "max_tokens": 512,
    "temperature": 0.7,
    "top_p": 0.95,
    "frequency_penalty": 0.5,
    "presence_penalty": -0.25,
    "stop": ["\n\n", "END"],
    "stream": False,
    "top_k": 40,
    "chat_template_kwargs": {"enable_thinking": False},
}

response = requests.post(url, headers=headers, json=data)
if not response.ok:
    sys.exit(f"HTTP {response.status_code}: {response.text}")
message = response.json()["choices"][0]["message"]
reasoning = message.get("reasoning_content") or message.get("reasoning")
if reasoning:
    print(reasoning, file=sys.stderr)
print(message["content"])
