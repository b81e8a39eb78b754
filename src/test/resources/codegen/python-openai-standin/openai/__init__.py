"""A stand-in for the openai package, used only by the tests (the real one cannot be installed here).

Like the SDK's chat.completions.create it takes the request's parameters as keyword arguments and
refuses a keyword its signature lacks, merges extra_body into the JSON body last, posts the body to
base_url + "/chat/completions" with the key as a bearer token, and gives back the reply with
attribute access: the completion, or an iterator over the chunks of a streamed reply. As on the
SDK's models, a declared field the server left out reads as None, a field the server added (such
as reasoning_content) reads as it came, and any other name raises AttributeError.
"""
import json
import urllib.request

# The keyword arguments of the SDK's chat.completions.create (openai-python 1.x and 2.x)
_NAMED = {
    "messages", "model", "audio", "frequency_penalty", "function_call", "functions", "logit_bias",
    "logprobs", "max_completion_tokens", "max_tokens", "metadata", "modalities", "n",
    "parallel_tool_calls", "prediction", "presence_penalty", "prompt_cache_key", "reasoning_effort",
    "response_format", "safety_identifier", "seed", "service_tier", "stop", "store", "stream",
    "stream_options", "temperature", "tool_choice", "tools", "top_logprobs", "top_p", "user",
    "verbosity", "web_search_options", "extra_headers", "extra_query", "extra_body", "timeout",
}

# Fields the SDK's completion, chunk, choice, message, delta and tool-call models declare
_DECLARED = {
    "id", "object", "created", "model", "choices", "usage", "system_fingerprint", "service_tier",
    "index", "message", "delta", "finish_reason", "logprobs", "role", "content", "refusal",
    "tool_calls", "function_call", "annotations", "audio", "type", "function", "name", "arguments",
}


class _Model:
    def __init__(self, data):
        self._data = data

    def __getattr__(self, name):
        if name.startswith("_"):
            raise AttributeError(name)
        if name in self._data:
            return _wrap(self._data[name])
        if name in _DECLARED:
            return None
        raise AttributeError(f"the reply has no field {name!r}")


def _wrap(value):
    if isinstance(value, dict):
        return _Model(value)
    if isinstance(value, list):
        return [_wrap(item) for item in value]
    return value


def _events(response):
    with response:
        for raw in response:
            line = raw.decode("utf-8").rstrip("\r\n")
            if not line.startswith("data:"):
                continue
            data = line[5:].strip()
            if data == "[DONE]":
                return
            yield _wrap(json.loads(data))


class _Completions:
    def __init__(self, client):
        self._client = client

    def create(self, **kwargs):
        unknown = set(kwargs) - _NAMED
        if unknown:
            raise TypeError(f"create() got unexpected keyword arguments {sorted(unknown)}")
        body = {k: v for k, v in kwargs.items() if k != "extra_body"}
        body.update(kwargs.get("extra_body") or {})
        request = urllib.request.Request(
            self._client.base_url + "/chat/completions",
            data=json.dumps(body).encode("utf-8"),
            headers={"Content-Type": "application/json", "Authorization": f"Bearer {self._client.api_key}"},
            method="POST")
        response = urllib.request.urlopen(request, timeout=60)
        if body.get("stream"):
            return _events(response)
        with response:
            return _wrap(json.loads(response.read().decode("utf-8")))


class _Chat:
    def __init__(self, client):
        self.completions = _Completions(client)


class OpenAI:
    def __init__(self, *, api_key=None, base_url=None):
        self.api_key = api_key
        self.base_url = base_url
        self.chat = _Chat(self)
