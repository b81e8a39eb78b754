{{key_check}}
const body = {{body}};

const response = await fetch({{url}}, {
  method: "POST",
  headers: {
    "Content-Type": "application/json",
    {{auth}}
  },
  body: JSON.stringify(body),
});
if (!response.ok) {
  console.error(`HTTP ${response.status}: ${await response.text()}`);
  process.exit(1);
}

const decoder = new TextDecoder();
let buffer = "";
for await (const bytes of response.body) {
  buffer += decoder.decode(bytes, { stream: true });
  let end;
  while ((end = buffer.indexOf("\n")) >= 0) {
    const line = buffer.slice(0, end).replace(/\r$/, "");
    buffer = buffer.slice(end + 1);
    if (!line.startsWith("data:")) continue;
    const data = line.slice(5).trim();
    if (data === "[DONE]") continue;
    for (const choice of JSON.parse(data).choices ?? []) {
      const delta = choice.delta ?? {};
      // DeepSeek and SGLang send reasoning_content, vLLM and OpenRouter reasoning
      const reasoning = delta.reasoning_content ?? delta.reasoning;
      if (reasoning) process.stderr.write(reasoning);
      if (delta.content) process.stdout.write(delta.content);
    }
  }
}
process.stdout.write("\n");
