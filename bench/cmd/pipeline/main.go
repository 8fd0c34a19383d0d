package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"runtime/pprof"
	"strings"

	"github.com/kabar-id/kabar/bench/pipeline"
)

const (
	indosum  = "../../shared/data/indosum/indosum-dev.jsonl"
	articles = "../testdata/articles.jsonl"
)

func main() {
	corpus := flag.String("corpus", "", "IndoSum JSONL (paragraphs) or kabar input JSONL (id, text); default: "+indosum+", else "+articles)
	lib := flag.String("lib", "all", "kabar, kabar-steady (the second half of the corpus after the first), prose, prose-reload, all, or stages (kabar one stage at a time)")
	proseDocs := flag.Int("prose-docs", 100, "prose runs on the first N documents only (it is slow)")
	export := flag.String("export", "", "write the corpus as kabar batch input JSONL to this file and exit")
	generate := flag.Int("generate", 0, "with -export: write this many documents, cycling the corpus with new ids")
	bigMB := flag.Int("big", 0, "with -export: write one document of about this many MB, the corpus texts repeated")
	asJSON := flag.Bool("json", false, "print the result as JSON (used by -lib all)")
	cpuprofile := flag.String("cpuprofile", "", "write a CPU profile of the run to this file")
	memprofile := flag.String("memprofile", "", "write an allocation profile of the run to this file (go tool pprof -sample_index=alloc_space)")
	repeat := flag.Int("repeat", 3, "with -lib stages: run each row this many times and keep the fastest (by CPU time)")
	flag.Parse()
	if *cpuprofile != "" {
		f, err := os.Create(*cpuprofile)
		if err != nil {
			fail(err)
		}
		if err := pprof.StartCPUProfile(f); err != nil {
			fail(err)
		}
		defer pprof.StopCPUProfile()
	}
	if *memprofile != "" {
		defer func() {
			f, err := os.Create(*memprofile)
			if err != nil {
				fail(err)
			}
			if err := pprof.Lookup("allocs").WriteTo(f, 0); err != nil {
				fail(err)
			}
			if err := f.Close(); err != nil {
				fail(err)
			}
		}()
	}
	runtime.GOMAXPROCS(1)

	path := *corpus
	if path == "" {
		path = articles
		if _, err := os.Stat(indosum); err == nil {
			path = indosum
		}
	}
	docs, err := load(path)
	if err != nil {
		fail(err)
	}
	if *export != "" && *bigMB > 0 {
		var b strings.Builder
		for i := 0; b.Len() < *bigMB<<20; i++ {
			b.WriteString(docs[i%len(docs)].Text)
			b.WriteString("\n\n")
		}
		docs, *generate = []pipeline.Doc{{ID: fmt.Sprintf("big-%dMB", *bigMB), Text: b.String()}}, 1
	}
	if *export != "" {
		if err := write(*export, docs, *generate); err != nil {
			fail(err)
		}
		return
	}
	if *lib == "all" {
		all(path, *proseDocs)
		return
	}
	if *lib == "stages" {
		fmt.Printf("corpus %s, one core (GOMAXPROCS=1), best of %d runs per row (by CPU time)\n\n%s\n", path, *repeat, stageHeader)
		// A first run warms the process up (heap, page faults, caches of
		// the embedded data), which would otherwise count in the first row.
		if _, err := pipeline.KabarWith("warm-up", docs); err != nil {
			fail(err)
		}
		prev := 0.0
		for i, st := range pipeline.Stages {
			var best pipeline.Result
			for range max(*repeat, 1) {
				r, err := pipeline.KabarWith(st.Name, docs, st.Opts...)
				if err != nil {
					fail(err)
				}
				if best.Docs == 0 || r.CPU < best.CPU {
					best = r
				}
			}
			ms := 1000 / best.MBpCPUs() // CPU ms per MB
			added := "—"
			if i > 1 { // the first two rows stand alone
				added = fmt.Sprintf("%+.0f", ms-prev)
			}
			prev = ms
			fmt.Printf("| %s | %.3f | %.3f | %.0f | %s |\n", best.Lib, best.MBps(), best.MBpCPUs(), ms, added)
		}
		return
	}
	var r pipeline.Result
	switch *lib {
	case "kabar":
		r, err = pipeline.Kabar(docs)
	case "kabar-steady":
		r, err = pipeline.KabarSteady(docs)
	case "prose", "prose-reload":
		r, err = pipeline.Prose(docs[:min(*proseDocs, len(docs))], *lib == "prose")
	default:
		err = fmt.Errorf("unknown -lib %q", *lib)
	}
	if err != nil {
		fail(err)
	}
	if *asJSON {
		json.NewEncoder(os.Stdout).Encode(r)
		return
	}
	fmt.Println(header)
	fmt.Println(row(r))
}

// load reads IndoSum's format (paragraphs) or kabar's input format (text).
func load(path string) ([]pipeline.Doc, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	first, err := bufio.NewReader(f).ReadString('\n')
	f.Close()
	if err != nil && first == "" {
		return nil, fmt.Errorf("%s: empty", path)
	}
	if strings.Contains(first, `"paragraphs"`) {
		return pipeline.IndoSum(path)
	}
	return pipeline.JSONL(path)
}

func write(path string, docs []pipeline.Doc, n int) error {
	if n <= 0 {
		n = len(docs)
	}
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for i := range n {
		d := docs[i%len(docs)]
		if n != len(docs) {
			d.ID = fmt.Sprintf("gen-%06d-%s", i, d.ID)
		}
		if err := enc.Encode(d); err != nil {
			return err
		}
	}
	if err := w.Flush(); err != nil {
		return err
	}
	return f.Close()
}

const stageHeader = "| kabar stages (cumulative) | MB/s | MB per CPU-s | CPU ms per MB | ms per MB added |\n|---|---:|---:|---:|---:|"

const header = "| library | docs | MB | MB/s | MB per CPU-s | docs/s | start-up | peak RSS |\n|---|---:|---:|---:|---:|---:|---:|---:|"

func row(r pipeline.Result) string {
	return fmt.Sprintf("| %s | %d | %.2f | %s | %s | %.1f | %.0f ms | %.0f MB |", r.Lib, r.Docs, float64(r.Bytes)/1e6,
		speed(r.MBps()), speed(r.MBpCPUs()), r.DocsPerSec(), float64(r.StartUp.Microseconds())/1000, float64(r.PeakRSS)/(1<<20))
}

// speed formats MB/s with three decimals, or with four significant digits
// below 0.1 (prose's speeds), so that ratios of speeds keep their precision.
func speed(v float64) string {
	if v < 0.1 {
		return fmt.Sprintf("%.4g", v)
	}
	return fmt.Sprintf("%.3f", v)
}

// all runs each library in a child process and prints the table.
func all(path string, proseDocs int) {
	self, err := os.Executable()
	if err != nil {
		fail(err)
	}
	fmt.Printf("corpus %s, one core (GOMAXPROCS=1); prose on the first %d documents\n\n%s\n", path, proseDocs, header)
	for _, lib := range []string{"kabar", "kabar-steady", "prose", "prose-reload"} {
		out, err := exec.Command(self, "-lib", lib, "-corpus", path, "-prose-docs", fmt.Sprint(proseDocs), "-json").Output()
		if err != nil {
			fail(fmt.Errorf("%s: %w", lib, err))
		}
		var r pipeline.Result
		if err := json.Unmarshal(out, &r); err != nil {
			fail(err)
		}
		fmt.Println(row(r))
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "pipeline:", err)
	os.Exit(1)
}
