package telegramtest

import (
	"encoding/json"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strconv"
)

// upload is a file part of a multipart request.
type upload struct {
	name string
	data []byte
}

// readParams reads a request's parameters as the Bot API accepts them: URL
// query, form-encoded body, multipart body (files too) or a JSON object.
func readParams(r *http.Request) (map[string]string, map[string]upload, error) {
	params := map[string]string{}
	files := map[string]upload{}
	ct, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	switch ct {
	case "application/json":
		return params, files, readJSON(r, params)
	case "multipart/form-data":
		if err := r.ParseMultipartForm(64 << 20); err != nil {
			return nil, nil, fmt.Errorf("multipart: %w", err)
		}
		for k, fhs := range r.MultipartForm.File {
			f, err := fhs[0].Open()
			if err != nil {
				return nil, nil, err
			}
			data, err := io.ReadAll(f)
			f.Close()
			if err != nil {
				return nil, nil, err
			}
			files[k] = upload{name: fhs[0].Filename, data: data}
		}
	default:
		if err := r.ParseForm(); err != nil {
			return nil, nil, err
		}
	}
	for k, v := range r.Form {
		params[k] = v[0]
	}
	return params, files, nil
}

// readJSON flattens a JSON body into string parameters: strings as they
// are, everything else as its JSON text (as form clients send it).
func readJSON(r *http.Request, params map[string]string) error {
	var body map[string]json.RawMessage
	if err := json.NewDecoder(r.Body).Decode(&body); err != nil {
		return fmt.Errorf("json: %w", err)
	}
	for k, raw := range body {
		var s string
		if json.Unmarshal(raw, &s) == nil {
			params[k] = s
			continue
		}
		params[k] = string(raw)
	}
	return nil
}

func intParam(p map[string]string, key string) (int, error) {
	v, ok := p[key]
	if !ok || v == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil {
		return 0, badRequest(fmt.Sprintf("parameter %q is not a number", key))
	}
	return n, nil
}

func chatParam(p map[string]string) (int64, error) {
	v := p["chat_id"]
	if v == "" {
		return 0, badRequest("chat_id is empty")
	}
	id, err := strconv.ParseInt(v, 10, 64)
	if err != nil {
		return 0, badRequest("chat not found")
	}
	return id, nil
}
