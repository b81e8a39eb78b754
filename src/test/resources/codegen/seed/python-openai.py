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

response = client.chat.completions.create(
    model="deepseek-ai/deepseek-v3.2-speciale",
    messages=[
        {"role": "user", "content": "hello"},
    ],
    max_tokens=1024,
    temperature=0.7,
)

message = response.choices[0].message
reasoning = getattr(message, "reasoning_content", None) or getattr(message, "reasoning", None)
if reasoning:
    print(reasoning, file=sys.stderr)
print(message.content)
