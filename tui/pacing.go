package tui

import (
	"fmt"
	"sort"
	"time"

	"vigil/guides"
	"vigil/store"
)

// Pacing is pure arithmetic over durations and an injected clock: nothing
// here reads the time itself, so tests replay a meeting minute by minute.

// planned is the minutes per part kind for a session: the leader's budget
// when one was set at the start, else the guide's suggested minutes.
func planned(g *guides.Guide, s store.Session) map[guides.Kind]int {
	out := map[guides.Kind]int{}
	for _, k := range guides.Kinds {
		if s.Budget != nil {
			out[k] = s.Budget[string(k)]
		} else {
			out[k] = g.Minutes(k)
		}
	}
	return out
}

// scaleBudget shares a meeting of total minutes between the parts in
// proportion to the guide's suggested minutes, in whole minutes that add up
// to the total exactly (largest remainders get the spare minutes, the
// larger part first on a tie). A guide
// with no suggestions shares the time equally among its part kinds.
func scaleBudget(g *guides.Guide, total int) map[string]int {
	weights := map[guides.Kind]int{}
	sum := 0
	for _, p := range g.Parts {
		if _, seen := weights[p.Kind]; !seen {
			weights[p.Kind] = g.Minutes(p.Kind)
			sum += g.Minutes(p.Kind)
		}
	}
	if sum == 0 {
		for k := range weights {
			weights[k] = 1
			sum++
		}
	}
	out := map[string]int{}
	if sum == 0 || total <= 0 {
		return out
	}
	type rem struct {
		k guides.Kind
		r int
	}
	var rems []rem
	given := 0
	for k, w := range weights {
		out[string(k)] = total * w / sum
		given += out[string(k)]
		rems = append(rems, rem{k, total * w % sum})
	}
	sort.Slice(rems, func(i, j int) bool {
		if rems[i].r != rems[j].r {
			return rems[i].r > rems[j].r
		}
		if weights[rems[i].k] != weights[rems[j].k] {
			return weights[rems[i].k] > weights[rems[j].k]
		}
		return rems[i].k < rems[j].k
	})
	for i := 0; given < total; i++ {
		out[string(rems[i%len(rems)].k)]++
		given++
	}
	return out
}

// clock counts the time spent per part kind. It only moves when told the
// time: a paused or closed vigil counts nothing.
type clock struct {
	spent   map[guides.Kind]time.Duration
	mark    time.Time   // when time was last counted
	kind    guides.Kind // the part on screen; "" counts nothing
	stopped bool
}

// newClock starts from what a session has stored (whole seconds).
func newClock(s store.Session, now time.Time) clock {
	c := clock{spent: map[guides.Kind]time.Duration{}, mark: now}
	for k, sec := range s.Spent {
		c.spent[guides.Kind(k)] = time.Duration(sec) * time.Second
	}
	return c
}

// advance counts the time since the last mark for the part on screen.
func (c clock) advance(now time.Time) clock {
	if !c.stopped && c.kind != "" && now.After(c.mark) {
		c.spent = cloneSpent(c.spent)
		c.spent[c.kind] += now.Sub(c.mark)
	}
	c.mark = now
	return c
}

// show moves the clock to another part (after counting the time so far).
func (c clock) show(k guides.Kind, now time.Time) clock {
	c = c.advance(now)
	c.kind = k
	return c
}

// stop and start bracket a pause: the time between is not counted.
func (c clock) stop(now time.Time) clock {
	c = c.advance(now)
	c.stopped = true
	return c
}

func (c clock) start(now time.Time) clock {
	c.mark = now
	c.stopped = false
	return c
}

// seconds is the stored form of the clock.
func (c clock) seconds() map[string]int64 {
	out := map[string]int64{}
	for k, d := range c.spent {
		if d > 0 {
			out[string(k)] = int64(d / time.Second)
		}
	}
	return out
}

func (c clock) total() time.Duration {
	var t time.Duration
	for _, d := range c.spent {
		t += d
	}
	return t
}

func cloneSpent(m map[guides.Kind]time.Duration) map[guides.Kind]time.Duration {
	out := make(map[guides.Kind]time.Duration, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}

// pace says how a span of time stands against its budget, in a few words:
// "4 of 20 min" or "22 of 20 min, over". over is true past the budget.
func pace(spent time.Duration, budgetMin int) (text string, over bool) {
	min := int(spent / time.Minute)
	if budgetMin <= 0 {
		return fmt.Sprintf("%d min", min), false
	}
	over = spent > time.Duration(budgetMin)*time.Minute
	text = fmt.Sprintf("%d of %d min", min, budgetMin)
	if over {
		text += ", over"
	}
	return text, over
}
