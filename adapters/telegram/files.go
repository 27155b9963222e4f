package telegram

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strings"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"github.com/rapport-bot/rapport/coach"
)

// readable are the file name extensions intake reads.
var readable = map[string]bool{".csv": true, ".tsv": true, ".txt": true, ".text": true, ".vcf": true, ".vcard": true}

// kinds names, for the reply, files people often send instead of a CSV.
var kinds = map[string]string{
	".xlsx": "Excel files", ".xls": "Excel files", ".numbers": "Numbers files", ".ods": "spreadsheet files",
	".pdf": "PDFs", ".doc": "Word files", ".docx": "Word files", ".zip": "zip archives",
	".jpg": "photos", ".jpeg": "photos", ".png": "images", ".heic": "photos",
}

// fetchDocument downloads an uploaded document for the engine. When the
// bot will not read it (its type, its size) or cannot get it, it returns
// the reply to send instead.
func (b *Bot) fetchDocument(ctx context.Context, d *tgbotapi.Document) (*coach.File, []coach.Message) {
	ext := strings.ToLower(path.Ext(d.FileName))
	if !readable[ext] && !(ext == "" && strings.HasPrefix(d.MimeType, "text/")) {
		kind := kinds[ext]
		if kind == "" {
			kind = "that kind of file"
		}
		return nil, fileUnreadable(kind)
	}
	if int64(d.FileSize) > b.o.MaxFileBytes {
		return nil, fileTooBig(int64(d.FileSize), b.o.MaxFileBytes)
	}
	data, err := b.download(ctx, d.FileID)
	var big *tooBigError
	switch {
	case errors.As(err, &big):
		return nil, fileTooBig(big.size, b.o.MaxFileBytes)
	case err != nil:
		b.log.ErrorContext(ctx, "telegram file download failed", "err", err)
		return nil, fileFailed()
	}
	return &coach.File{Name: d.FileName, Type: d.MimeType, Data: data}, nil
}

// tooBigError says a file turned out larger than the limit.
type tooBigError struct{ size int64 }

func (e *tooBigError) Error() string {
	return fmt.Sprintf("file over the limit (%d bytes or more)", e.size)
}

// download gets a file's bytes: getFile, then the file from the API's own
// host (never api.telegram.org when another endpoint is set), or from disk
// when a local Bot API server gave an absolute path.
func (b *Bot) download(ctx context.Context, fileID string) ([]byte, error) {
	resp, err := b.call.do(ctx, request{config: tgbotapi.FileConfig{FileID: fileID}})
	if err != nil {
		return nil, err
	}
	var f tgbotapi.File
	if err := json.Unmarshal(resp.Result, &f); err != nil {
		return nil, fmt.Errorf("telegram: getFile: %w", err)
	}
	if f.FilePath == "" {
		return nil, errors.New("telegram: getFile gave no file path")
	}
	if filepath.IsAbs(f.FilePath) {
		return b.readLocal(f.FilePath)
	}
	return b.fetchWithRetry(ctx, b.c.ep.fileURL(b.c.token, f.FilePath))
}

// fetchWithRetry downloads, retrying network errors and 5xx answers as
// Bot API calls are retried.
func (b *Bot) fetchWithRetry(ctx context.Context, u string) ([]byte, error) {
	for n := 1; ; n++ {
		data, err := b.fetchURL(ctx, u)
		var st *statusError
		retry := err != nil && ctx.Err() == nil && (!errors.As(err, &st) || st.code >= 500)
		var big *tooBigError
		if !retry || errors.As(err, &big) || n >= b.o.Retry.Attempts {
			return data, err
		}
		b.log.WarnContext(ctx, "telegram file download failed, retrying", "attempt", n, "err", err)
		if err := b.o.Clock.Sleep(ctx, b.call.backoff(n)); err != nil {
			return nil, err
		}
	}
}

// statusError is a download answered with an HTTP error status.
type statusError struct{ code int }

func (e *statusError) Error() string { return fmt.Sprintf("telegram: download: HTTP %d", e.code) }

// readLocal reads a file a local Bot API server (--local) left on disk.
func (b *Bot) readLocal(p string) ([]byte, error) {
	fh, err := os.Open(p)
	if err != nil {
		return nil, fmt.Errorf("telegram: open local file: %w", err)
	}
	defer fh.Close()
	return b.readLimited(fh)
}

// fetchURL downloads a file. Its URL holds the token, so errors are
// stripped of it.
func (b *Bot) fetchURL(ctx context.Context, u string) ([]byte, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return nil, redactErr(err, b.c.token)
	}
	resp, err := b.o.HTTPClient.Do(req)
	if err != nil {
		return nil, fmt.Errorf("telegram: download: %w", redactErr(err, b.c.token))
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, &statusError{code: resp.StatusCode}
	}
	data, err := b.readLimited(resp.Body)
	if err != nil {
		return nil, fmt.Errorf("telegram: download: %w", redactErr(err, b.c.token))
	}
	return data, nil
}

// readLimited reads at most MaxFileBytes, or fails with *tooBigError.
func (b *Bot) readLimited(r io.Reader) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, b.o.MaxFileBytes+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > b.o.MaxFileBytes {
		return nil, &tooBigError{size: int64(len(data))}
	}
	return data, nil
}
