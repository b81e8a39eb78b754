package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
)

type message struct {
	Content          string `json:"content"`
	ReasoningContent string `json:"reasoning_content"`
	Reasoning        string `json:"reasoning"`
}

// DeepSeek and SGLang send reasoning_content, vLLM and OpenRouter reasoning.
func (m message) reasoning() string {
	if m.ReasoningContent != "" {
		return m.ReasoningContent
	}
	return m.Reasoning
}

func main() {
	apiKey := os.Getenv("ATLASCLOUD_API_KEY")
	if apiKey == "" {
		fmt.Fprintln(os.Stderr, "Set the environment variable ATLASCLOUD_API_KEY to your API key.")
		os.Exit(1)
	}

	body := map[string]any{
		"model": "deepseek-ai/deepseek-v3.2",
		"messages": []any{
			map[string]any{"role": "system", "content": "Answer in JSON."},
			map[string]any{"role": "user", "content": "Is the sky blue? Say \"why\" in one line."},
		},
		"max_tokens":   256,
		"temperature":  0.2,
		"seed":         4242424242,
		"n":            2,
		"logprobs":     true,
		"top_logprobs": 5,
		"response_format": map[string]any{
			"type": "json_schema",
			"json_schema": map[string]any{
				"name": "answer",
				"schema": map[string]any{
					"type": "object",
					"properties": map[string]any{
						"answer":     map[string]any{"type": "string"},
						"confidence": map[string]any{"type": "number", "minimum": 0, "maximum": 1},
						"sources": map[string]any{
							"type":  "array",
							"items": map[string]any{"type": "string"},
						},
					},
					"required":             []any{"answer", "confidence", "sources"},
					"additionalProperties": false,
				},
				"strict": true,
			},
		},
		"user":             "user-1234",
		"reasoning_effort": "low",
		"stream":           false,
		"thinking":         map[string]any{"type": "disabled"},
		"top_k":            40,
	}
	payload, err := json.Marshal(body)
	if err != nil {
		panic(err)
	}
	req, err := http.NewRequest("POST", "https://api.atlascloud.ai/v1/chat/completions", bytes.NewReader(payload))
	if err != nil {
		panic(err)
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer "+apiKey)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		text, _ := io.ReadAll(resp.Body)
		fmt.Fprintf(os.Stderr, "HTTP %d: %s\n", resp.StatusCode, text)
		os.Exit(1)
	}

	var completion struct {
		Choices []struct {
			Message message `json:"message"`
		} `json:"choices"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&completion); err != nil || len(completion.Choices) == 0 {
		fmt.Fprintln(os.Stderr, "the reply holds no message:", err)
		os.Exit(1)
	}
	reply := completion.Choices[0].Message
	if reasoning := reply.reasoning(); reasoning != "" {
		fmt.Fprintln(os.Stderr, reasoning)
	}
	fmt.Println(reply.Content)
}
