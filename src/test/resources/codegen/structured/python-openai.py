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
    model="deepseek-ai/deepseek-v3.2",
    messages=[
        {"role": "system", "content": "Answer in JSON."},
        {"role": "user", "content": "Is the sky blue? Say \"why\" in one line."},
    ],
    max_tokens=256,
    temperature=0.2,
    seed=4242424242,
    n=2,
    logprobs=True,
    top_logprobs=5,
    response_format={
        "type": "json_schema",
        "json_schema": {
            "name": "answer",
            "schema": {
                "type": "object",
                "properties": {
                    "answer": {"type": "string"},
                    "confidence": {"type": "number", "minimum": 0, "maximum": 1},
                    "sources": {
                        "type": "array",
                        "items": {"type": "string"},
                    },
                },
                "required": ["answer", "confidence", "sources"],
                "additionalProperties": False,
            },
            "strict": True,
        },
    },
    user="user-1234",
    reasoning_effort="low",
    stream=False,
    extra_body={
        "thinking": {"type": "disabled"},
        "top_k": 40,
    },
)

message = response.choices[0].message
reasoning = getattr(message, "reasoning_content", None) or getattr(message, "reasoning", None)
if reasoning:
    print(reasoning, file=sys.stderr)
print(message.content)
