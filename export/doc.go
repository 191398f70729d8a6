// Package export writes vigil sessions out for facilitators to hand on,
// and reads JSON exports back in.
//
// Four formats are written from one model of a session (doc, made by
// buildDoc), so that they cannot drift apart:
//
//   - md: Markdown that reads well as plain text and renders in glow;
//   - json: everything the store holds for the sessions, in a documented,
//     versioned schema (SCHEMA.md), which vigil import reads back;
//   - txt: plain text for an email, wrapped at 72 columns;
//   - html: one self-contained page, no scripts and nothing fetched, that
//     prints as a handout.
//
// Exports stream: Write reads one session from the store, writes it, and
// moves on, so memory stays flat however many sessions there are. A
// redacted export (Options.Redact) leaves out everything told in
// confidence in every format at once: the redaction is applied to the
// record before the model is built.
package export
