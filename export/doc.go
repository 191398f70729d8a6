// Package export writes vigil sessions out for facilitators to hand on,
// and reads JSON exports back in.
//
// Export decides nothing about what a session captured or who may see
// it: every format renders session.Captured, laid out once by
// session.Capture for the view the export is for (Options.View), the same
// model the summary screens render. So the formats cannot drift apart
// from each other or from the screens:
//
//   - md: Markdown that reads well as plain text and renders in glow;
//   - json: the record as the view may show it (Captured.Rec), in a
//     documented, versioned schema (SCHEMA.md), which vigil import reads
//     back;
//   - txt: plain text for an email, wrapped at 72 columns;
//   - html: one self-contained page, no scripts and nothing fetched, that
//     prints as a handout.
//
// Exports stream: Write reads one session from the store, writes it, and
// moves on, so memory stays flat however many sessions there are.
package export
