package pipeline

import (
	"encoding/json"
	"sync"
	"testing"
)

// TestAnalyzerShared hammers Config.Analyzer from many goroutines (run with
// -race): every caller gets the same Analyzer, built once.
func TestAnalyzerShared(t *testing.T) {
	cfg := Config{SummaryLength: 2, Keywords: 4}
	first, err := cfg.Analyzer()
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for range 16 {
		wg.Go(func() {
			a, err := cfg.Analyzer()
			if err != nil || a != first {
				t.Errorf("Analyzer() = %p, %v; want %p", a, err, first)
				return
			}
			out, _ := a.AnalyzeLine(t.Context(), []byte(`{"text":"Rumah itu besar."}`), 1)
			if !json.Valid(out) {
				t.Errorf("AnalyzeLine: invalid JSON %s", out)
			}
		})
	}
	wg.Wait()
	other, err := Config{SummaryLength: 1}.Analyzer()
	if err != nil || other == first {
		t.Errorf("another Config got %p, %v; want a different Analyzer", other, err)
	}
}
