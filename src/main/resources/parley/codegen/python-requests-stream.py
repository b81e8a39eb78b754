import json
import os
import sys

import requests

{{key_check}}
url = {{url}}
headers = {
    "Content-Type": "application/json",
    {{auth}}
}
data = {{body}}

with requests.post(url, headers=headers, json=data, stream=True) as response:
    if not response.ok:
        sys.exit(f"HTTP {response.status_code}: {response.text}")
    for line in response.iter_lines():
        line = line.decode("utf-8")
        if not line.startswith("data:"):
            continue
        payload = line[5:].strip()
        if payload == "[DONE]":
            break
        chunk = json.loads(payload)
        for choice in chunk.get("choices") or []:
            delta = choice.get("delta") or {}
            # DeepSeek and SGLang send reasoning_content, vLLM and OpenRouter reasoning
            reasoning = delta.get("reasoning_content") or delta.get("reasoning")
            if reasoning:
                print(reasoning, end="", file=sys.stderr, flush=True)
            if delta.get("content"):
                print(delta["content"], end="", flush=True)
print()
