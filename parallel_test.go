package kabar

import (
	"context"
	"sync/atomic"
	"testing"
)

// BenchmarkAnalyzeParallel analyses the benchmark articles (IndoSum dev
// from ../shared, or the test articles) with one shared Analyzer from
// GOMAXPROCS goroutines, each text analysed and encoded as kabar batch
// does. Compare `-cpu 1,2` for the speed-up of a second core without the
// batch command's reader and writer:
//
//	go test -run '^$' -bench AnalyzeParallel -cpu 1,2 -count 5 .
func BenchmarkAnalyzeParallel(b *testing.B) {
	texts := benchTexts(b)
	a, err := New()
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	var next, bytes atomic.Int64
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		var buf []byte
		for pb.Next() {
			t := texts[int(next.Add(1)-1)%len(texts)]
			r := a.AnalyzeRecord(ctx, Record{Line: 1, Text: t})
			if r.Err != nil {
				b.Error(r.Err)
				return
			}
			buf = r.AppendJSON(buf[:0])
			bytes.Add(int64(len(t)))
		}
	})
	b.ReportMetric(float64(bytes.Load())/1e6/b.Elapsed().Seconds(), "MB/s")
}
