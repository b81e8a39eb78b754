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
		"model": "deepseek-ai/deepseek-v3.2-speciale",
		"messages": []any{
			map[string]any{"role": "system", "content": "You are terse. Answer in one line."},
			map[string]any{
				"role":    "user",
				"content": "Say \"hi\" and 'bye'\\n (a backslash-n), then a real newline:\n\tthe tab, $(whoami), $HOME, `uname -a`, !! and !$, \\ alone, \"\"\" three quotes, emoji 👋🏽🚀, CJK 你好世界 こんにちは, é ü ß",
			},
			map[string]any{"role": "assistant", "content": "Done: \"hi\" 'bye' `ok` $(nothing) 🚀"},
			map[string]any{"role": "user", "content": "Again, shorter."},
		},
		"max_tokens":           512,
		"temperature":          0.7,
		"top_p":                0.95,
		"frequency_penalty":    0.5,
		"presence_penalty":     -0.25,
		"stop":                 []any{"\n\n", "END"},
		"stream":               true,
		"stream_options":       map[string]any{"include_usage": true},
		"top_k":                40,
		"chat_template_kwargs": map[string]any{"enable_thinking": false},
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
