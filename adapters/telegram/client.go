package telegram

import (
	"context"
	"net/http"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"
)

// client makes SDK calls carry a context. The SDK has none (its requests
// are built with http.NewRequest), so each call gets a shallow copy of the
// BotAPI whose HTTP client attaches the call's context: a cancelled context
// aborts a long poll at once, and a turn's deadline bounds its sends.
type client struct {
	api   *tgbotapi.BotAPI // from getMe; never used directly
	http  *http.Client
	token string
	ep    endpoint
}

// with returns the SDK bound to ctx.
func (c *client) with(ctx context.Context) *tgbotapi.BotAPI {
	api := *c.api
	api.Client = ctxDoer{ctx: ctx, http: c.http, token: c.token}
	return &api
}

// ctxDoer is the SDK's HTTPClient: it sends with a context and removes the
// token from transport errors, whose text holds the request URL.
type ctxDoer struct {
	ctx   context.Context
	http  *http.Client
	token string
}

func (d ctxDoer) Do(req *http.Request) (*http.Response, error) {
	resp, err := d.http.Do(req.WithContext(d.ctx))
	if err != nil {
		return nil, redactErr(err, d.token)
	}
	return resp, nil
}

// newClient checks the token with getMe and returns the client.
func newClient(ctx context.Context, token string, ep endpoint, hc *http.Client) (*client, error) {
	quietSDK()
	api, err := tgbotapi.NewBotAPIWithClient(token, ep.pattern, ctxDoer{ctx: ctx, http: hc, token: token})
	if err != nil {
		return nil, redactErr(err, token)
	}
	return &client{api: api, http: hc, token: token, ep: ep}, nil
}
