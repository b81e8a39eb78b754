curl 'http://127.0.0.1:11434/v1/chat/completions' \
  -H 'Content-Type: application/json' \
  --no-buffer \
  --data-raw '{
  "model": "qwen2.5:0.5b",
  "messages": [
    {"role": "user", "content": "hello"}
  ],
  "stream": true
}'
