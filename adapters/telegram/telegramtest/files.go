package telegramtest

import (
	"fmt"
	"mime"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strings"
)

// maxGetFile is the cloud Bot API's limit for getFile.
const maxGetFile = 20 << 20

// SetLocalMode makes getFile answer as a local Bot API server started with
// --local does: it writes the file under dir and returns its absolute path,
// which the bot must read from disk (the download path then serves nothing).
func (s *Server) SetLocalMode(dir string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.localDir = dir
}

// storeFile keeps a file and returns its document. Call with s.mu held.
func (s *Server) storeFile(name, mimeType string, data []byte) Document {
	s.nextFile++
	id := fmt.Sprintf("BQACAgIAAxkBAAI-%d", s.nextFile)
	ext := strings.ToLower(path.Ext(name))
	s.files[id] = &storedFile{name: name, mime: mimeType, data: data,
		path: fmt.Sprintf("documents/file_%d%s", s.nextFile, ext)}
	return Document{FileID: id, FileUniqueID: fmt.Sprintf("AgAD%d", s.nextFile),
		FileName: name, MimeType: mimeType, FileSize: len(data)}
}

// mimeFor is the type Telegram's clients give common contact files.
func mimeFor(name string) string {
	switch strings.ToLower(path.Ext(name)) {
	case ".csv":
		return "text/csv"
	case ".vcf":
		return "text/vcard"
	}
	if t := mime.TypeByExtension(path.Ext(name)); t != "" {
		return t
	}
	return "application/octet-stream"
}

func (s *Server) getFile(p map[string]string) (any, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	f := s.files[p["file_id"]]
	if f == nil {
		return nil, badRequest("invalid file_id")
	}
	if len(f.data) > maxGetFile && s.localDir == "" {
		return nil, badRequest("file is too big")
	}
	out := file{FileID: p["file_id"], FileUniqueID: "u" + p["file_id"], FileSize: len(f.data), FilePath: f.path}
	if s.localDir != "" {
		abs := filepath.Join(s.localDir, filepath.FromSlash(f.path))
		if err := os.MkdirAll(filepath.Dir(abs), 0o700); err != nil {
			return nil, err
		}
		if err := os.WriteFile(abs, f.data, 0o600); err != nil {
			return nil, err
		}
		out.FilePath = abs
	}
	return out, nil
}

// download serves /file/bot<token>/<file_path>, as api.telegram.org does.
// Faults for the method "file" apply to it.
func (s *Server) download(w http.ResponseWriter, r *http.Request, rest string) {
	if s.injectFault(w, "file", 0) {
		return
	}
	token, p, ok := strings.Cut(rest, "/")
	if !ok || token != s.Token {
		s.record(Call{At: s.now(), Method: "file", Status: http.StatusUnauthorized})
		http.Error(w, "Unauthorized", http.StatusUnauthorized)
		return
	}
	s.mu.Lock()
	var data []byte
	for _, f := range s.files {
		if f.path == p && s.localDir == "" {
			data = f.data
		}
	}
	s.mu.Unlock()
	if data == nil {
		s.record(Call{At: s.now(), Method: "file", Status: http.StatusNotFound})
		http.NotFound(w, r)
		return
	}
	s.record(Call{At: s.now(), Method: "file", Status: http.StatusOK})
	w.Header().Set("Content-Type", "application/octet-stream")
	w.Write(data)
}
