package pipeline

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"runtime"
	"strings"
	"syscall"
	"time"

	"github.com/jdkato/prose/v2"

	"github.com/kabar-id/kabar"
)

// Doc is one article of a corpus.
type Doc struct {
	ID       string `json:"id"`
	Category string `json:"category,omitempty"`
	Text     string `json:"text"`
}

// IndoSum reads the IndoSum JSONL at path and rebuilds each article's text:
// tokens joined by spaces, sentences by a space, paragraphs by a blank line.
func IndoSum(path string) ([]Doc, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var docs []Doc
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 64<<20)
	for sc.Scan() {
		var a struct {
			ID         string       `json:"id"`
			Category   string       `json:"category"`
			Paragraphs [][][]string `json:"paragraphs"`
		}
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		var b strings.Builder
		for i, p := range a.Paragraphs {
			if i > 0 {
				b.WriteString("\n\n")
			}
			for j, s := range p {
				if j > 0 {
					b.WriteByte(' ')
				}
				b.WriteString(strings.Join(s, " "))
			}
		}
		docs = append(docs, Doc{ID: a.ID, Category: a.Category, Text: b.String()})
	}
	return docs, sc.Err()
}

// JSONL reads records {"id","text",…} from path.
func JSONL(path string) ([]Doc, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var docs []Doc
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 64<<20)
	for sc.Scan() {
		var d Doc
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		docs = append(docs, d)
	}
	return docs, sc.Err()
}

// Result is one library's run over a corpus.
type Result struct {
	Lib      string        `json:"lib"`
	Docs     int           `json:"docs"`
	Bytes    int64         `json:"bytes"`
	Elapsed  time.Duration `json:"elapsed_ns"`
	CPU      time.Duration `json:"cpu_ns"`     // user+system CPU time of the process during the run
	StartUp  time.Duration `json:"startup_ns"` // building the analyser / loading the model
	Tokens   int           `json:"tokens"`
	Entities int           `json:"entities"`
	PeakRSS  int64         `json:"peak_rss"` // bytes, of the whole process (getrusage)
}

// MBps returns the throughput in MB (10^6 bytes) of text per second.
func (r Result) MBps() float64 { return float64(r.Bytes) / 1e6 / r.Elapsed.Seconds() }

// MBpCPUs returns the MB of text per second of CPU time: the throughput on
// one idle core, less sensitive than MBps to other processes on a busy
// machine.
func (r Result) MBpCPUs() float64 { return float64(r.Bytes) / 1e6 / r.CPU.Seconds() }

// DocsPerSec returns the documents analysed per second.
func (r Result) DocsPerSec() float64 { return float64(r.Docs) / r.Elapsed.Seconds() }

// Kabar runs kabar's full pipeline over docs on the calling goroutine,
// encoding each Document to JSON as kabar batch does.
func Kabar(docs []Doc) (Result, error) { return KabarWith("kabar", docs) }

// Stages are kabar configurations that add one stage at a time, to see
// what each costs: the stages after stems run without the entity
// recogniser (names unprotected) until the last, so that each small
// stage's cost is the difference of two small numbers, not of two that
// the recogniser dominates.
var Stages = []struct {
	Name string
	Opts []kabar.Option
}{
	{"tokens: sentences, tokens, Document, JSON", []kabar.Option{kabar.WithStages(kabar.StageTokens)}},
	{"stems (names unprotected), no tokens in the output", []kabar.Option{kabar.WithStages(kabar.StageStems), kabar.WithoutNameProtection()}},
	{"+ summary", []kabar.Option{kabar.WithStages(kabar.StageStems | kabar.StageSummary), kabar.WithoutNameProtection()}},
	{"+ keywords", []kabar.Option{kabar.WithStages(kabar.StageStems | kabar.StageSummary | kabar.StageKeywords), kabar.WithoutNameProtection()}},
	{"+ stats", []kabar.Option{kabar.WithStages(kabar.StageStems | kabar.StageSummary | kabar.StageKeywords | kabar.StageStats), kabar.WithoutNameProtection()}},
	{"+ tokens in the output", []kabar.Option{kabar.WithStages(kabar.AllStages &^ kabar.StageEntities), kabar.WithoutNameProtection()}},
	{"+ entities, names protected (everything)", nil},
}

// KabarWith runs kabar with opts over docs on the calling goroutine,
// encoding each Document to JSON as kabar batch does.
func KabarWith(name string, docs []Doc, opts ...kabar.Option) (Result, error) {
	return kabarRun(name, nil, docs, opts)
}

// KabarSteady measures kabar's full pipeline in its steady state on new
// text: one Analyzer analyses the first half of docs untimed, which fills
// its caches of seen words as a long batch run does, and then the second
// half, timed. No document of the timed half was seen before, unlike in a
// second pass over the same documents.
func KabarSteady(docs []Doc) (Result, error) {
	h := len(docs) / 2
	return kabarRun("kabar, 2nd half after the 1st", docs[:h], docs[h:], nil)
}

func kabarRun(name string, warm, docs []Doc, opts []kabar.Option) (Result, error) {
	r := Result{Lib: name}
	t0 := time.Now()
	a, err := kabar.New(opts...)
	if err != nil {
		return r, err
	}
	r.StartUp = time.Since(t0)
	var line []byte // one output line at a time, its memory reused as kabar batch does
	if err := analyzeAll(a, warm, nil, &line); err != nil {
		return r, err
	}
	start, cpu0 := time.Now(), CPUTime()
	if err := analyzeAll(a, docs, &r, &line); err != nil {
		return r, err
	}
	r.Elapsed, r.CPU = time.Since(start), CPUTime()-cpu0
	r.PeakRSS = PeakRSS()
	return r, nil
}

// analyzeAll analyses docs as kabar batch does, each record encoded as
// JSON into *line, counting into r when it is not nil. It is the work that
// Kabar times, and the function whose instructions bench/instructions.sh
// counts.
func analyzeAll(a *kabar.Analyzer, docs []Doc, r *Result, line *[]byte) error {
	ctx := context.Background()
	for i, d := range docs {
		res := a.AnalyzeRecord(ctx, kabar.Record{Line: i + 1, Text: d.Text})
		if res.Err != nil {
			return res.Err
		}
		*line = res.AppendJSON((*line)[:0])
		if r != nil {
			r.Docs++
			r.Bytes += int64(len(d.Text))
			r.Tokens += len(res.Doc.Tokens)
			r.Entities += len(res.Doc.Entities)
		}
		res.Release() // once the record is written
	}
	return nil
}

// Prose runs prose/v2's full pipeline (NewDocument with every step) over
// docs. With reuse, one model is built once and shared; without, each
// NewDocument loads the default model again, prose's default behaviour.
func Prose(docs []Doc, reuse bool) (Result, error) {
	r := Result{Lib: "prose"}
	var opts []prose.DocOpt
	if reuse {
		r.Lib = "prose (model reused)"
		t0 := time.Now()
		opts = append(opts, prose.UsingModel(prose.ModelFromData("default")))
		r.StartUp = time.Since(t0)
	}
	start, cpu0 := time.Now(), CPUTime()
	for _, d := range docs {
		doc, err := prose.NewDocument(d.Text, opts...)
		if err != nil {
			return r, err
		}
		r.Docs++
		r.Bytes += int64(len(d.Text))
		r.Tokens += len(doc.Tokens())
		r.Entities += len(doc.Entities())
		_ = doc.Sentences()
	}
	r.Elapsed, r.CPU = time.Since(start), CPUTime()-cpu0
	r.PeakRSS = PeakRSS()
	return r, nil
}

// PeakRSS returns the process's peak resident set size in bytes (Linux
// getrusage), or the Go runtime's total memory obtained from the OS where
// getrusage is not available.
func PeakRSS() int64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err == nil && ru.Maxrss > 0 {
		return ru.Maxrss * 1024 // kilobytes on Linux
	}
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return int64(m.Sys)
}

// CPUTime returns the user and system CPU time used by the process so far.
func CPUTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
