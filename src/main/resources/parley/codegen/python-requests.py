import os
import sys

import requests

{{key_check}}
url = {{url}}
headers = {
    "Content-Type": "application/json",
    {{auth}}
}
data = {{body}}

response = requests.post(url, headers=headers, json=data)
if not response.ok:
    sys.exit(f"HTTP {response.status_code}: {response.text}")
message = response.json()["choices"][0]["message"]
reasoning = message.get("reasoning_content") or message.get("reasoning")
if reasoning:
    print(reasoning, file=sys.stderr)
print(message["content"])
