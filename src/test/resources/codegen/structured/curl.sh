: "${ATLASCLOUD_API_KEY:?set it to your API key}" &&
curl 'https://api.atlascloud.ai/v1/chat/completions' \
  -H 'Content-Type: application/json' \
  -H "Authorization: Bearer ${ATLASCLOUD_API_KEY}" \
  --data-raw '{
  "model": "deepseek-ai/deepseek-v3.2",
  "messages": [
    {"role": "system", "content": "Answer in JSON."},
    {"role": "user", "content": "Is the sky blue? Say \"why\" in one line."}
  ],
  "max_tokens": 256,
  "temperature": 0.2,
  "seed": 4242424242,
  "n": 2,
  "logprobs": true,
  "top_logprobs": 5,
  "response_format": {
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
            "items": {"type": "string"}
          }
        },
        "required": ["answer", "confidence", "sources"],
        "additionalProperties": false
      },
      "strict": true
    }
  },
  "user": "user-1234",
  "reasoning_effort": "low",
  "stream": false,
  "thinking": {"type": "disabled"},
  "top_k": 40
}'
