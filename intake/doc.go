// Package intake turns what people paste or upload — lists typed by hand,
// attendee lists copied from event pages and video calls, CSV exports of
// address books, CRMs and event platforms, vCards — into clean,
// de-duplicated contacts. It is self-contained: it imports no other
// package of Rapport.
//
// # Inputs
//
// Parse reads one input. Binary files, spreadsheet workbooks (XLSX, XLS,
// Numbers, ODS: "export it as CSV"), input over Options.MaxBytes and
// structurally broken files are refused whole with an *Error whose message
// can be shown to the user. Text may be UTF-8 (with or without a
// byte-order mark), UTF-16 or UTF-32 (with a byte-order mark or recognised
// by its zero bytes), or Windows-1252 (taken when the start of the input is
// not valid UTF-8; stray non-UTF-8 bytes later in a UTF-8 file are read as
// Windows-1252 too). Line ends may be LF, CRLF or CR.
//
// The input is then read as one of:
//
//   - vCard 2.1, 3.0 or 4.0 (format "vcard"), by github.com/emersion/go-vcard
//     after this package has unfolded lines at the byte level, joined and
//     decoded quoted-printable values (mime/quotedprintable), applied
//     CHARSET and rewritten 2.1's bare type words.
//   - a delimited table (comma, semicolon, tab or pipe; quoted multi-line
//     fields), by encoding/csv. The header may follow a preamble (LinkedIn's
//     "Notes:", Zoom's meeting summary). Its columns name the exporter:
//     "linkedin_connections", "google_csv" (2024 and legacy headers),
//     "outlook_csv" (desktop 92 columns and Outlook.com), "act_csv",
//     "eventbrite", "luma", "meetup", "zoom_csv", "crm_csv" (HubSpot,
//     Salesforce) or "generic_csv" (any other recognisable header, and
//     files without a header, whose columns are guessed from their content).
//   - pasted text (format "pasted_text"), one person a line: "Name –
//     Company", "Name, Title at Company", "Name (Title, Company) email",
//     "Last, First", "Jane Doe <jane@acme.com>", an address or a LinkedIn
//     profile link alone, bullets and numbering, columns separated by tabs or
//     "|"; lists copied from event pages, Zoom, Google Meet and LinkedIn
//     search, whose chrome ("Going", "+2", "10:32 AM", avatar initials,
//     headings) is ignored and counted in Result.Ignored. A paste made of
//     tab-separated columns (cells copied from a spreadsheet) is read as a
//     table, and so is a paste that starts with a known CSV header.
//
// # Names
//
// FullName is the name as written, tidied: white space collapsed, emoji
// and pronoun or role tags ("(Guest)", "(he/him)", "• 2nd") removed, a
// nickname removed, "Last, First" turned around, and Title Case applied
// when the whole name was written in capitals or in lower case ("JEAN-LUC
// O'NEIL" → "Jean-Luc O'Neil", "anna van der berg" → "Anna van der Berg").
// Mixed-case names are kept as written (McDonald, DeShawn), except a long
// word in capitals inside them ("Jean DUPONT" → "Jean Dupont"). Honorifics
// and suffixes stay in FullName. Scripts without case are kept as written.
// When an export gives the name in separate fields, FullName joins them,
// family name first and without a space for Chinese, Japanese and Korean.
//
// LastName is the family name without honorifics, suffixes or credentials
// ("Birol III" → "Birol", "González, MBA" → "González"), with its particles
// ("van der Berg", "de la Cruz", "bin Rashid", "Ortega y Gasset"). In a name
// written as one string it is the last word with the particles before it;
// in Chinese, Japanese and Korean names it is the first word, or the first
// character of a two- or three-character name written without a space, or
// the first two of four.
//
// FirstName is the name a greeting uses:
//
//  1. A nickname wins: one in quotes or brackets inside the name ("Bob
//     'Bobby' Smith" → Bobby, "Robert (Bob) Smith" → Bob), a Nickname column
//     or vCard NICKNAME, or an ACT!-style Salutation that is a given name.
//     The user wrote it because that is what the person is called.
//  2. Otherwise the given name without honorifics or initials: "Dr. Andrew
//     J. Birol III" → Andrew, "J. Andrew Smith" → Andrew. A given-name field
//     is kept whole ("María José", "Mary-Kate"); in a name written as one
//     string it is the first word.
//  3. A name that is only initials gives no FirstName ("J. Smith" → ""),
//     since "Hi J.," is not a greeting.
//
// A contact without a name gets one from its address when the local part
// clearly is a name ("jane.doe@" → Jane Doe; "jdoe@", "jane@" and
// "dana.w@" are not clear) or from its profile link ("/in/jane-doe-4a1b2c").
//
// # Records, skips and duplicates
//
// A record becomes a contact when it has a person's name, a valid address
// or a LinkedIn profile; an organisation card with an address is kept with
// an empty name. Addresses are trimmed, lower-cased and validated; one
// that is written but invalid ("name(at)example.com") goes to Notes. Every
// record that is not imported is reported in Result.Skipped with its line
// and a kind: empty_row, no_identity, not_attending (refunded, declined,
// waitlisted, RSVP "No"…), placeholder ("LinkedIn Member", "Call-in
// User_2", "Rachel's iPhone", dial-in numbers), invalid (a broken CSV
// record, an over-long line, a broken card), self ("(Host, me)", "(You)",
// the host of a Zoom report), bot (note-taking apps) or system_address
// (no-reply senders).
//
// Duplicates within one input are merged into the first occurrence and
// counted in Result.Merged, not in Skipped. The same address (any case,
// any surrounding space) is the same person; so is the same LinkedIn
// profile; without an address on either side, the same NameKey is the same
// person unless both give a company and the companies differ. The same name
// with two different addresses is two people. A merge keeps the first
// occurrence's values and position, fills its empty fields from the
// duplicate, unites the addresses in first-seen order and joins the notes.
package intake
