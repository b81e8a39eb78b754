import os
import sys

from openai import OpenAI

{{key_check}}
client = OpenAI(
    api_key={{api_key}}
    base_url={{base_url}},
)

response = client.chat.completions.create(
    {{arguments}}
)

message = response.choices[0].message
reasoning = getattr(message, "reasoning_content", None) or getattr(message, "reasoning", None)
if reasoning:
    print(reasoning, file=sys.stderr)
print(message.content)
