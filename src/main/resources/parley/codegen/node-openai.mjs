import OpenAI from "openai";

{{key_check}}
const client = new OpenAI({
  apiKey: {{api_key}}
  baseURL: {{base_url}},
});

const completion = await client.chat.completions.create({{body}});

const message = completion.choices[0].message;
const reasoning = message.reasoning_content ?? message.reasoning;
if (reasoning) console.error(reasoning);
console.log(message.content);
