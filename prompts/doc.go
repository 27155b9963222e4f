// Package prompts holds Rapport's draft templates and the small renderer
// that turns them into invitation notes, messages and emails.
//
// # Templates
//
// Templates live in templates/<segment>/<kind>.txt (shared/<kind>.txt is used
// by every segment that has no file of its own) and are embedded in the
// binary. Variants of one template are separated by a line holding only
// "---". Every embedded template is parsed, validated and test-rendered the
// first time [Default] is called, which panics if one is broken; the tests
// call it, so a broken file never reaches a release.
//
// # Syntax
//
// The syntax is meant for people typing an override into a chat, not for
// programmers, which is why it is not text/template:
//
//   - {first_name}, {context}, {group}, {company}, {my_name} and {news} are
//     slots. Case, spaces and hyphens in a slot name are forgiven:
//     {First name} is {first_name}.
//   - [ and ] enclose an optional part, dropped whole when any slot inside
//     it is empty: "[We met at {group}. ]". Optional parts do not nest.
//   - {context}, {group}, {company} and {news} are often unknown, so they
//     must sit inside an optional part; Validate rejects them outside. Only
//     {first_name} and {my_name} may stand alone; when one of those is
//     empty the renderer removes it and tidies the punctuation around it
//     ("Hi {first_name}," becomes "Hi,"), so no draft ever has a hole.
//   - Curly and square brackets are reserved; there is no escape for them.
//   - Email kinds begin with a line "Subject: …", then an empty line, then
//     the body; [SplitEmail] separates the two after rendering.
//
// # Overrides
//
// A user may replace any segment's template in chat. [ValidateFor] checks an
// override for its kind and returns a *TemplateError whose message can be
// shown as it is ("There is no slot {frist_name}. Did you mean
// {first_name}? The slots you can use are …"). Choices that are allowed
// but make a draft less personal — no {first_name}, no {context}, a
// follow-up without {news} — are not errors: [Warnings] lists them so the
// engine can mention them while accepting the override. [Help] explains
// the syntax in the user's terms.
//
// # Limits
//
// [Limit] gives 200 code points for a note (300 on Premium), following
// LINKEDIN.md; 1,200 for LinkedIn messages and follow-ups; 2,000 for
// emails, counting the "Subject:" line. Our own templates are far shorter;
// the looser limits bound what a long context or an override can become.
//
// # Fitting
//
// Render fits a draft within a limit counted in Unicode code points. It
// first shortens the context at a word boundary and ends it with "…"; if
// fewer than 16 characters of the context would remain, it leaves out
// optional parts instead, those without the context first, from the end.
// Parts holding {first_name} or {my_name} (the greeting and the signature)
// are never left out. If even the shortest form is too long, Render returns
// an error wrapping [ErrTooLong].
//
// After filling, every draft is tidied: runs of spaces collapse, no space
// stays before a comma or full stop, dangling marks such as ", ." or "— ."
// collapse into the final mark, a sentence that starts after a dropped part
// gets its capital letter, and repeated blank lines collapse into one.
package prompts
