// Package agree holds no code: its test renders one session through every
// front end and every export format and checks that they all show the
// same captured items, those of session.Capture, for the same view.
package agree
