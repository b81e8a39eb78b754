# Prints the reply's text as it arrives; needs jq (https://jqlang.org).
: "${ATLASCLOUD_API_KEY:?set it to your API key}" &&
curl 'https://api.atlascloud.ai/v1/chat/completions' \
  -H 'Content-Type: application/json' \
  -H "Authorization: Bearer ${ATLASCLOUD_API_KEY}" \
  --no-buffer --silent --show-error \
  --data-raw '{
  "model": "deepseek-ai/deepseek-v3.2-speciale",
  "messages": [
    {"role": "system", "content": "You are terse. Answer in one line."},
    {
      "role": "user",
      "content": "Say \"hi\" and '\''bye'\''\\n (a backslash-n), then a real newline:\n\tthe tab, $(whoami), $HOME, `uname -a`, !! and !$, \\ alone, \"\"\" three quotes, emoji 👋🏽🚀, CJK 你好世界 こんにちは, é ü ß"
    },
    {"role": "assistant", "content": "Done: \"hi\" '\''bye'\'' `ok` $(nothing) 🚀"},
    {"role": "user", "content": "Again, shorter."}
  ],
  "max_tokens": 512,
  "temperature": 0.7,
  "top_p": 0.95,
  "frequency_penalty": 0.5,
  "presence_penalty": -0.25,
  "stop": ["\n\n", "END"],
  "stream": true,
  "stream_options": {"include_usage": true},
  "top_k": 40,
  "chat_template_kwargs": {"enable_thinking": false}
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
