# Prints the reply's text as it arrives; needs jq (https://jqlang.org).
curl 'http://127.0.0.1:11434/v1/chat/completions' \
  -H 'Content-Type: application/json' \
  --no-buffer --silent --show-error \
  --data-raw '{
  "model": "qwen2.5:0.5b",
  "messages": [
    {"role": "user", "content": "hello"}
  ],
  "stream": true
}' |
  jq --unbuffered --raw-input --join-output '
    if startswith("data:") then
      .[5:] | ltrimstr(" ") | rtrimstr("\r")
      | if . == "[DONE]" then "\n"
        else fromjson | if .error then "\n\(.error)\n" else .choices[]?.delta.content // empty end
        end
    elif test("^\r?$|^(event|id|retry)?:") then empty
    else . + "\n"
    end'
