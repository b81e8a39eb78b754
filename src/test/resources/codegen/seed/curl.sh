: "${ATLASCLOUD_API_KEY:?set it to your API key}" &&
curl 'https://api.atlascloud.ai/v1/chat/completions' \
  -H 'Content-Type: application/json' \
  -H "Authorization: Bearer ${ATLASCLOUD_API_KEY}" \
  --data-raw '{
  "model": "deepseek-ai/deepseek-v3.2-speciale",
  "messages": [
    {"role": "user", "content": "hello"}
  ],
  "max_tokens": 1024,
  "temperature": 0.7
}'
