// Package arch holds no code: its test checks the package picture of
// DESIGN.md, cmd → front ends (tui, plain, room) → session → (export,
// store) → guides, with export beside session.
package arch
