package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"strings"
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
			map[string]any{"role": "system", "content": "Use the tools when they help."},
			map[string]any{"role": "user", "content": "What is the weather in Paris, and what time is it?"},
			map[string]any{
				"role": "assistant",
				"tool_calls": []any{
					map[string]any{
						"id":       "call_1",
						"type":     "function",
						"function": map[string]any{"name": "get_weather", "arguments": "{\"city\":\"Paris\",\"unit\":\"celsius\"}"},
					},
					map[string]any{
						"id":       "call_2",
						"type":     "function",
						"function": map[string]any{"name": "get_time", "arguments": "{}"},
					},
				},
				"reasoning_content": "Two tools: weather and time.",
			},
			map[string]any{
				"role":         "tool",
				"content":      "{\"temp\": 21, \"sky\": \"sunny\", \"note\": \"$(whoami) `id` 👋 \\n\"}",
				"tool_call_id": "call_1",
			},
			map[string]any{"role": "tool", "content": "14:05\nCET", "tool_call_id": "call_2"},
			map[string]any{"role": "assistant", "content": "Sunny, 21 °C; it is 14:05."},
			map[string]any{"role": "user", "content": "And in Tōkyō?"},
		},
		"max_tokens":  512,
		"temperature": 0.7,
		"tools": []any{
			map[string]any{
				"type": "function",
				"function": map[string]any{
					"name":        "get_weather",
					"description": "The weather in a city now. Say \"which\" city; `$HOME` stays as it is.",
					"parameters": map[string]any{
						"type": "object",
						"properties": map[string]any{
							"city": map[string]any{"type": "string", "description": "The city's name, e.g. \"Paris\""},
							"unit": map[string]any{
								"type": "string",
								"enum": []any{"celsius", "fahrenheit"},
							},
						},
						"required":             []any{"city"},
						"additionalProperties": false,
					},
					"strict": true,
				},
			},
			map[string]any{
				"type":     "function",
				"function": map[string]any{"name": "get_time"},
			},
		},
		"tool_choice":         "auto",
		"parallel_tool_calls": false,
		"stream":              true,
		"stream_options":      map[string]any{"include_usage": true},
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

	scanner := bufio.NewScanner(resp.Body)
	scanner.Buffer(make([]byte, 0, 64*1024), 4*1024*1024)
	for scanner.Scan() {
		line := scanner.Text()
		if !strings.HasPrefix(line, "data:") {
			continue
		}
		data := strings.TrimSpace(strings.TrimPrefix(line, "data:"))
		if data == "[DONE]" {
			break
		}
		var chunk struct {
			Choices []struct {
				Delta message `json:"delta"`
			} `json:"choices"`
		}
		if err := json.Unmarshal([]byte(data), &chunk); err != nil {
			fmt.Fprintln(os.Stderr, "skipped an event that is not JSON:", data)
			continue
		}
		for _, choice := range chunk.Choices {
			fmt.Fprint(os.Stderr, choice.Delta.reasoning())
			fmt.Print(choice.Delta.Content)
		}
	}
	fmt.Println()
}
