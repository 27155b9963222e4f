package telegramtest

// The Bot API's JSON objects, as much of them as the fake serves. They are
// the fake's own, not the SDK's, so that the SDK really decodes the wire
// format rather than its own encoding of it.

// User is a Telegram user (or the bot itself).
type User struct {
	ID        int64  `json:"id"`
	IsBot     bool   `json:"is_bot,omitempty"`
	FirstName string `json:"first_name"`
	LastName  string `json:"last_name,omitempty"`
	UserName  string `json:"username,omitempty"`
}

// Chat is a chat: "private" with one user, or "group"/"supergroup".
type Chat struct {
	ID    int64  `json:"id"`
	Type  string `json:"type"`
	Title string `json:"title,omitempty"`
}

// Entity is a message entity; offsets and lengths count UTF-16 code units.
type Entity struct {
	Type     string `json:"type"`
	Offset   int    `json:"offset"`
	Length   int    `json:"length"`
	URL      string `json:"url,omitempty"`
	Language string `json:"language,omitempty"`
}

// Button is one inline keyboard button.
type Button struct {
	Text         string  `json:"text"`
	CallbackData string  `json:"callback_data,omitempty"`
	URL          *string `json:"url,omitempty"`
}

// Keyboard is an inline keyboard (reply_markup).
type Keyboard struct {
	InlineKeyboard [][]Button `json:"inline_keyboard"`
}

// Document is a file attached to a message.
type Document struct {
	FileID       string `json:"file_id"`
	FileUniqueID string `json:"file_unique_id"`
	FileName     string `json:"file_name,omitempty"`
	MimeType     string `json:"mime_type,omitempty"`
	FileSize     int    `json:"file_size,omitempty"`
}

// Message is a message, from a user or from the bot.
type Message struct {
	MessageID   int       `json:"message_id"`
	From        *User     `json:"from,omitempty"`
	Chat        Chat      `json:"chat"`
	Date        int64     `json:"date"`
	Text        string    `json:"text,omitempty"`
	Entities    []Entity  `json:"entities,omitempty"`
	Caption     string    `json:"caption,omitempty"`
	Document    *Document `json:"document,omitempty"`
	ReplyMarkup *Keyboard `json:"reply_markup,omitempty"`
	EditDate    int64     `json:"edit_date,omitempty"`
}

// CallbackQuery is a press on an inline keyboard button.
type CallbackQuery struct {
	ID           string   `json:"id"`
	From         User     `json:"from"`
	Message      *Message `json:"message,omitempty"`
	ChatInstance string   `json:"chat_instance"`
	Data         string   `json:"data,omitempty"`
}

// Update is one incoming update.
type Update struct {
	UpdateID      int            `json:"update_id"`
	Message       *Message       `json:"message,omitempty"`
	CallbackQuery *CallbackQuery `json:"callback_query,omitempty"`
}

// file is getFile's answer.
type file struct {
	FileID       string `json:"file_id"`
	FileUniqueID string `json:"file_unique_id"`
	FileSize     int    `json:"file_size,omitempty"`
	FilePath     string `json:"file_path,omitempty"`
}

// BotCommand is one entry of the command menu.
type BotCommand struct {
	Command     string `json:"command"`
	Description string `json:"description"`
}

// answer is the envelope of every Bot API answer.
type answer struct {
	OK          bool        `json:"ok"`
	Result      any         `json:"result,omitempty"`
	ErrorCode   int         `json:"error_code,omitempty"`
	Description string      `json:"description,omitempty"`
	Parameters  *parameters `json:"parameters,omitempty"`
}

type parameters struct {
	RetryAfter int `json:"retry_after,omitempty"`
}
