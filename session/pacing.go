package session

import (
	"fmt"
	"maps"
	"sort"
	"time"

	"vigil/guides"
	"vigil/store"
)

// Pacing is pure arithmetic over durations and an injected clock: nothing
// here reads the time itself, so tests replay a meeting minute by minute.

// Planned is the minutes per part kind for a session: the leader's budget
// when one was set at the start, else the guide's suggested minutes. Only
// the part kinds the session's path shows count: the gentler path, which
// skips the FAQ, plans no minutes for it.
func Planned(g *guides.Guide, s store.Session) map[guides.Kind]int {
	shown := ShownKinds(g, pathOf(s))
	out := map[guides.Kind]int{}
	for _, k := range guides.Kinds {
		if !shown[k] {
			continue
		}
		if s.Budget != nil {
			out[k] = s.Budget[string(k)]
		} else {
			out[k] = g.Minutes(k)
		}
	}
	return out
}

// ShownKinds are the part kinds of which a path shows at least one page.
func ShownKinds(g *guides.Guide, path store.Path) map[guides.Kind]bool {
	out := map[guides.Kind]bool{}
	for _, p := range g.Parts {
		for _, sec := range p.Sections {
			if skip, _ := skips(g, path, p.Kind, sec); !skip {
				out[p.Kind] = true
				break
			}
		}
	}
	return out
}

// ScaleBudgetFor shares a meeting of total minutes between the part kinds
// a path shows, in proportion to the guide's suggested minutes, in whole
// minutes that add up to the total exactly (largest remainders get the
// spare minutes, the larger part first on a tie). A guide with no
// suggestions shares the time equally among the part kinds.
func ScaleBudgetFor(g *guides.Guide, path store.Path, total int) map[string]int {
	shown := ShownKinds(g, path)
	weights := map[guides.Kind]int{}
	sum := 0
	for _, p := range g.Parts {
		if !shown[p.Kind] {
			continue
		}
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

// BudgetTotal is the minutes a budget plans in all.
func BudgetTotal(b map[string]int) int {
	t := 0
	for _, v := range b {
		t += v
	}
	return t
}

// Clock counts the time spent per part kind. It only moves when told the
// time: a paused or closed vigil counts nothing. It is a value: every
// method returns the changed clock.
type Clock struct {
	spent   map[guides.Kind]time.Duration
	mark    time.Time   // when time was last counted
	kind    guides.Kind // the part on screen; "" counts nothing
	stopped bool
}

// NewClock starts from what a session has stored (whole seconds).
func NewClock(s store.Session, now time.Time) Clock {
	c := Clock{spent: map[guides.Kind]time.Duration{}, mark: now}
	for k, sec := range s.Spent {
		c.spent[guides.Kind(k)] = time.Duration(sec) * time.Second
	}
	return c
}

// Advance counts the time since the last mark for the part on screen.
func (c Clock) Advance(now time.Time) Clock {
	if !c.stopped && c.kind != "" && now.After(c.mark) {
		c.spent = maps.Clone(c.spent)
		c.spent[c.kind] += now.Sub(c.mark)
	}
	c.mark = now
	return c
}

// Show moves the clock to another part (after counting the time so far).
func (c Clock) Show(k guides.Kind, now time.Time) Clock {
	c = c.Advance(now)
	c.kind = k
	return c
}

// Stop and Start bracket a pause: the time between is not counted.
func (c Clock) Stop(now time.Time) Clock {
	c = c.Advance(now)
	c.stopped = true
	return c
}

// Start counts time again from now, after Stop.
func (c Clock) Start(now time.Time) Clock {
	c.mark = now
	c.stopped = false
	return c
}

// Stopped reports whether the clock is stopped for a pause.
func (c Clock) Stopped() bool { return c.stopped }

// Spent is the time counted for one part kind.
func (c Clock) Spent(k guides.Kind) time.Duration { return c.spent[k] }

// Seconds is the stored form of the clock.
func (c Clock) Seconds() map[string]int64 {
	out := map[string]int64{}
	for k, d := range c.spent {
		if d > 0 {
			out[string(k)] = int64(d / time.Second)
		}
	}
	return out
}

// Total is the time counted for the whole meeting.
func (c Clock) Total() time.Duration {
	var t time.Duration
	for _, d := range c.spent {
		t += d
	}
	return t
}

// Pace says how a span of time stands against its budget, in a few words:
// "4 of 20 min" or "22 of 20 min, over". over is true past the budget.
func Pace(spent time.Duration, budgetMin int) (text string, over bool) {
	m := int(spent / time.Minute)
	if budgetMin <= 0 {
		return fmt.Sprintf("%d min", m), false
	}
	over = spent > time.Duration(budgetMin)*time.Minute
	text = fmt.Sprintf("%d of %d min", m, budgetMin)
	if over {
		text += ", over"
	}
	return text, over
}
