package export

import (
	"fmt"
	"io"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"vigil/store"
)

const benchNotes = 20

// benchStore generates n sessions of benchNotes notes each (plus two
// requests and a commitment) through store.Import, 500 sessions to a
// transaction, into a database under b.TempDir.
func benchStore(b *testing.B, n int) (*store.Store, []uint64) {
	b.Helper()
	st, err := openStore(filepath.Join(b.TempDir(), "vigil.db"))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	g := library().Guides[0]
	var keys []string
	for _, p := range g.Parts {
		for _, s := range p.Sections {
			keys = append(keys, s.ID)
			for i := range s.Prompts {
				keys = append(keys, fmt.Sprintf("%s#%d", s.ID, i+1))
			}
		}
	}
	text := strings.Repeat("what the group said about it ", 7) // ~200 bytes
	start := time.Date(2020, 1, 1, 19, 0, 0, 0, time.UTC)
	batch := make([]store.Record, 0, 500)
	for i := 0; i < n; i++ {
		when := start.Add(time.Duration(i) * time.Hour)
		rec := store.Record{
			Session: store.Session{UID: fmt.Sprintf("bench%027d", i), GuideID: g.Meta.ID, GuideTitle: g.Meta.Title,
				Group: "Tuesday group", Created: when, Updated: when, Path: store.PathFull, Seen: 20, Total: 22,
				Spent: map[string]int64{"faq": 1200, "reflection": 1500}},
			Notes: make(map[string]store.Note, benchNotes),
			Requests: []store.Request{{ID: 1, Text: "For a friend", Name: "A.", Created: when},
				{ID: 2, Text: "For my family", Private: true, Created: when}},
			Commitments: []store.Commitment{{ID: 1, Text: "Read the report", Name: "B.", Created: when}},
		}
		for j := 0; j < benchNotes; j++ {
			key := keys[j%len(keys)]
			if j >= len(keys) {
				key += "@leader"
			}
			rec.Notes[key] = store.Note{Key: key, Kind: store.NoteSection, Text: text, Updated: when}
		}
		batch = append(batch, rec)
		if len(batch) == cap(batch) || i == n-1 {
			if _, _, err := st.Import(batch); err != nil {
				b.Fatal(err)
			}
			batch = batch[:0]
		}
	}
	ids, err := st.AllIDs()
	if err != nil || len(ids) != n {
		b.Fatal(len(ids), err)
	}
	return st, ids
}

// peakHeap runs fn once while sampling the heap in use every millisecond,
// and returns the most seen above what was in use before.
func peakHeap(fn func()) uint64 {
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	base := ms.HeapInuse
	var peak uint64
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		var ms runtime.MemStats
		tick := time.NewTicker(time.Millisecond)
		defer tick.Stop()
		for {
			runtime.ReadMemStats(&ms)
			peak = max(peak, ms.HeapInuse)
			select {
			case <-stop:
				return
			case <-tick.C:
			}
		}
	})
	fn()
	close(stop)
	wg.Wait()
	runtime.ReadMemStats(&ms)
	peak = max(peak, ms.HeapInuse)
	if peak < base {
		return 0
	}
	return peak - base
}

// BenchmarkExport exports every session of a database of 1,000 and of
// 10,000 sessions to each format. Time and allocations grow with the
// sessions; the peak heap (peak-heap-MiB, sampled in one extra run) must
// not: records are read and written one at a time.
func BenchmarkExport(b *testing.B) {
	for _, n := range []int{1_000, 10_000} {
		b.Run(fmt.Sprintf("sessions=%d", n), func(b *testing.B) {
			st, ids := benchStore(b, n)
			for _, f := range Formats {
				b.Run(string(f), func(b *testing.B) {
					opts := leader()
					var size countWriter
					peak := peakHeap(func() {
						if err := Write(&size, st, ids, f, opts); err != nil {
							b.Fatal(err)
						}
					})
					b.ReportAllocs()
					b.ResetTimer()
					for b.Loop() {
						if err := Write(io.Discard, st, ids, f, opts); err != nil {
							b.Fatal(err)
						}
					}
					b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MiB")
					b.ReportMetric(float64(size)/(1<<20), "output-MiB")
				})
			}
		})
	}
}

// countWriter counts the bytes written to it.
type countWriter int64

func (c *countWriter) Write(p []byte) (int, error) {
	*c += countWriter(len(p))
	return len(p), nil
}
