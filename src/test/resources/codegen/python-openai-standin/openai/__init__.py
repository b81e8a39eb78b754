"""A stand-in for the openai package, used only by the tests (the real one cannot be installed here).

It accepts the same keyword arguments as the SDK's chat.completions.create for the parameters
Parley sends, refuses any other (as the real signature does), merges extra_body into the body the
way the SDK does, writes what would be posted to the file named by PARLEY_RECORD and exits.
"""
import json
import os
import sys

_NAMED = {"model", "messages", "max_tokens", "temperature", "top_p", "frequency_penalty",
          "presence_penalty", "stop", "stream", "stream_options", "extra_body"}


class _Completions:
    def __init__(self, client):
        self._client = client

    def create(self, **kwargs):
        unknown = set(kwargs) - _NAMED
        if unknown:
            raise TypeError(f"create() got unexpected keyword arguments {sorted(unknown)}")
        body = {k: v for k, v in kwargs.items() if k != "extra_body"}
        body.update(kwargs.get("extra_body") or {})
        with open(os.environ["PARLEY_RECORD"], "w", encoding="utf-8") as out:
            json.dump({"api_key": self._client.api_key, "base_url": self._client.base_url, "body": body}, out)
        sys.exit(0)


class _Chat:
    def __init__(self, client):
        self.completions = _Completions(client)


class OpenAI:
    def __init__(self, *, api_key=None, base_url=None):
        self.api_key = api_key
        self.base_url = base_url
        self.chat = _Chat(self)
