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
    "model": "deepseek-ai/deepseek-v3.2",
    "messages": [
        {"role": "system", "content": "Use the tools when they help."},
        {"role": "user", "content": "What is the weather in Paris, and what time is it?"},
        {
            "role": "assistant",
            "tool_calls": [
                {
                    "id": "call_1",
                    "type": "function",
                    "function": {
                        "name": "get_weather",
                        "arguments": "{\"city\":\"Paris\",\"unit\":\"celsius\"}",
                    },
                },
                {
                    "id": "call_2",
                    "type": "function",
                    "function": {"name": "get_time", "arguments": "{}"},
                },
            ],
            "reasoning_content": "Two tools: weather and time.",
        },
        {
            "role": "tool",
            "content": "{\"temp\": 21, \"sky\": \"sunny\", \"note\": \"$(whoami) `id` 👋 \\n\"}",
            "tool_call_id": "call_1",
        },
        {"role": "tool", "content": "14:05\nCET", "tool_call_id": "call_2"},
        {"role": "assistant", "content": "Sunny, 21 °C; it is 14:05."},
        {"role": "user", "content": "And in Tōkyō?"},
    ],
    "max_tokens": 512,
    "temperature": 0.7,
    "tools": [
        {
            "type": "function",
            "function": {
                "name": "get_weather",
                "description": "The weather in a city now. Say \"which\" city; `$HOME` stays as it is.",
                "parameters": {
                    "type": "object",
                    "properties": {
                        "city": {"type": "string", "description": "The city's name, e.g. \"Paris\""},
                        "unit": {
                            "type": "string",
                            "enum": ["celsius", "fahrenheit"],
                        },
                    },
                    "required": ["city"],
                    "additionalProperties": False,
                },
                "strict": True,
            },
        },
        {
            "type": "function",
            "function": {"name": "get_time"},
        },
    ],
    "tool_choice": "auto",
    "parallel_tool_calls": False,
    "stream": False,
}

response = requests.post(url, headers=headers, json=data)
if not response.ok:
    sys.exit(f"HTTP {response.status_code}: {response.text}")
message = response.json()["choices"][0]["message"]
reasoning = message.get("reasoning_content") or message.get("reasoning")
if reasoning:
    print(reasoning, file=sys.stderr)
print(message["content"])
