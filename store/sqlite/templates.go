package sqlite

import (
	"context"
	"fmt"

	"github.com/rapport-bot/rapport/coach"
)

// Templates returns this user's template overrides, ordered by segment
// and kind. It returns a wrapped database error.
func (t *tx) Templates(ctx context.Context) ([]coach.TemplateOverride, error) {
	if err := t.live(); err != nil {
		return nil, err
	}
	rows, err := t.query(ctx, templatesSQL, t.userID)
	if err != nil {
		return nil, fmt.Errorf("sqlite: templates: %w", err)
	}
	defer rows.Close()
	var out []coach.TemplateOverride
	for rows.Next() {
		var o coach.TemplateOverride
		if err := rows.Scan(&o.Segment, &o.Kind, &o.Body); err != nil {
			return nil, fmt.Errorf("sqlite: templates: %w", err)
		}
		out = append(out, o)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlite: templates: %w", err)
	}
	return out, nil
}

// SaveTemplate stores this user's override of (Segment, Kind), replacing
// the one there was. It returns a wrapped database error.
func (t *tx) SaveTemplate(ctx context.Context, o coach.TemplateOverride) error {
	if err := t.live(); err != nil {
		return err
	}
	_, err := t.exec(ctx, saveTemplateSQL, t.userID, o.Segment, o.Kind, o.Body)
	if err != nil {
		return fmt.Errorf("sqlite: save template %s/%s: %w", o.Segment, o.Kind, err)
	}
	return nil
}

// DeleteTemplate removes this user's override of (segment, kind); removing
// none is not an error. It returns a wrapped database error.
func (t *tx) DeleteTemplate(ctx context.Context, segment, kind string) error {
	if err := t.live(); err != nil {
		return err
	}
	_, err := t.exec(ctx, deleteTemplateSQL, t.userID, segment, kind)
	if err != nil {
		return fmt.Errorf("sqlite: delete template %s/%s: %w", segment, kind, err)
	}
	return nil
}
