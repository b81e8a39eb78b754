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
        {"role": "user", "content": "hello"},
    ],
    "max_tokens": 1024,
    "temperature": 0.7,
}

response = requests.post(url, headers=headers, json=data)
if not response.ok:
    sys.exit(f"HTTP {response.status_code}: {response.text}")
message = response.json()["choices"][0]["message"]
reasoning = message.get("reasoning_content") or message.get("reasoning")
if reasoning:
    print(reasoning, file=sys.stderr)
print(message["content"])
