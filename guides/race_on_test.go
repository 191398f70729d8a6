//go:build race

package guides

// slowdown is how much slower the race detector makes the timed tests.
const slowdown = 10
