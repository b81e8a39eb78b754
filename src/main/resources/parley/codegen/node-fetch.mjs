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

const message = (await response.json()).choices[0].message;
const reasoning = message.reasoning_content ?? message.reasoning;
if (reasoning) console.error(reasoning);
console.log(message.content);
