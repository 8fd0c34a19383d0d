package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kabar-id/kabar/internal/eval/stemeval"
	"github.com/kabar-id/kabar/stem"
)

// runStem prints word<TAB>stem for each word of the arguments or of the
// input, or, with --text, stems running text as Sastrawi's stem(sentence)
// does. Input is streamed: memory stays bounded for any input size.
func runStem(e *env, args []string) int {
	fs := newFlagSet(e, "stem", "stem [--text] [--sastrawi] [--dict FILE] [WORD…] (words from stdin when none)")
	text := fs.Bool("text", false, "stem running text line by line: lower-case, keep a-z, 0-9 and hyphens, print the stems joined by spaces")
	compat := fs.Bool("sastrawi", false, "use the Sastrawi-compatible algorithm instead of the improved one")
	dict := fs.String("dict", "", "root dictionary FILE (one word per line) instead of the embedded one")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return usageError(err)
	}
	var opts []stem.Option
	if *compat {
		opts = append(opts, stem.WithMode(stem.Sastrawi))
	}
	if *dict != "" {
		f, err := os.Open(*dict)
		if err != nil {
			fmt.Fprintf(e.stderr, "kabar stem: %v\n", err)
			return 1
		}
		defer f.Close()
		opts = append(opts, stem.WithDictionary(f))
	}
	st := stem.Default()
	if len(opts) > 0 {
		if st, err = stem.New(opts...); err != nil {
			fmt.Fprintf(e.stderr, "kabar stem: %v\n", err)
			return 1
		}
	}
	w := bufio.NewWriterSize(e.stdout, 1<<16)
	defer w.Flush()
	if len(pos) > 0 {
		for _, a := range pos {
			if *text {
				fmt.Fprintln(w, st.StemText(a))
				continue
			}
			for _, word := range strings.Fields(a) {
				fmt.Fprintf(w, "%s\t%s\n", word, st.Stem(word))
			}
		}
		return 0
	}
	if err := stemStream(e, st, e.stdin, w, *text); err != nil {
		w.Flush()
		fmt.Fprintf(e.stderr, "kabar stem: %v\n", err)
		return 1
	}
	return 0
}

// stemStream stems r line by line (--text) or word by word, in bounded
// memory: lines are read in pieces of at most 64 KiB, cut at white space.
func stemStream(e *env, st *stem.Stemmer, r io.Reader, w *bufio.Writer, text bool) error {
	br := bufio.NewReaderSize(r, 1<<16)
	if text {
		for {
			line, err := br.ReadString('\n')
			if len(line) > 0 {
				w.WriteString(st.StemText(line))
				w.WriteByte('\n')
			}
			if err == io.EOF {
				return nil
			}
			if err != nil {
				return err
			}
			if e.ctx.Err() != nil {
				return e.ctx.Err()
			}
		}
	}
	sc := bufio.NewScanner(br)
	sc.Buffer(make([]byte, 0, 1<<16), 1<<20)
	sc.Split(scanWords)
	n := 0
	for sc.Scan() {
		word := sc.Text()
		if !utf8.ValidString(word) {
			word = strings.ToValidUTF8(word, "\uFFFD")
		}
		w.WriteString(word)
		w.WriteByte('\t')
		w.WriteString(st.Stem(word))
		w.WriteByte('\n')
		if n++; n&4095 == 0 && e.ctx.Err() != nil {
			return e.ctx.Err()
		}
	}
	if errors.Is(sc.Err(), bufio.ErrTooLong) {
		return fmt.Errorf("a word longer than 1 MiB: %w", sc.Err())
	}
	return sc.Err()
}

// scanWords is bufio.ScanWords that also splits at Unicode white space
// and at U+FEFF (the byte order mark a Windows editor puts at the start of
// a file, or a zero-width no-break space), and keeps invalid bytes inside
// words.
func scanWords(data []byte, atEOF bool) (int, []byte, error) {
	start := 0
	for start < len(data) {
		r, n := utf8.DecodeRune(data[start:])
		if !isWordSep(r) {
			break
		}
		start += n
	}
	for i := start; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		if isWordSep(r) {
			return i + n, data[start:i], nil
		}
		i += n
	}
	if atEOF && len(data) > start {
		return len(data), data[start:], nil
	}
	return start, nil, nil
}

func isWordSep(r rune) bool { return unicode.IsSpace(r) || r == '\uFEFF' }

// evalStem runs the stemmer evaluation on ../shared/data and, with
// --assert, fails unless the targets are met.
func evalStem(e *env, args []string) int {
	fs := newFlagSet(e, "eval stem", "eval stem [--data DIR] [--misses N] [--assert]")
	data := fs.String("data", "../shared/data", "data directory")
	misses := fs.Int("misses", 0, "print up to N misses per score")
	assert := fs.Bool("assert", false, "exit 1 unless the targets are met")
	improvements := fs.String("cases", "stem/testdata/improvements.tsv", "the Improved mode's failure-class cases")
	if _, err := parseFlags(fs, args); err != nil {
		return usageError(err)
	}
	d := stemeval.Dirs{Data: *data}
	if err := d.Check(); err != nil {
		fmt.Fprintf(e.stderr, "kabar eval stem: %v\n", err)
		return 1
	}
	w := e.stdout
	failed := false
	check := func(ok bool, what string) {
		mark := "ok  "
		if !ok {
			mark, failed = "FAIL", true
		}
		fmt.Fprintf(w, "  %s %s\n", mark, what)
	}
	sr, err := stemeval.Sastrawi(d)
	if err != nil {
		fmt.Fprintf(e.stderr, "kabar eval stem: %v\n", err)
		return 1
	}
	fmt.Fprintln(w, "Sastrawi compatibility (Sastrawi's dictionary; mini dictionary for the 10 pairs marked so):")
	for _, s := range []stemeval.Score{sr.Pairs, sr.Improved, sr.Disabled, sr.DisabledI, sr.Variants, sr.VariantsI, sr.Sentences} {
		stemeval.WriteScore(w, s, *misses)
	}
	fmt.Fprintln(w, "\nUD lemmas (ud-dev-form-lemma.tsv), embedded dictionary; types = distinct forms (the target), tokens = weighted by count:")
	var imp *stemeval.LemmaReport
	for _, m := range []stem.Mode{stem.Sastrawi, stem.Improved} {
		st, err := stem.New(stem.WithMode(m))
		if err != nil {
			fmt.Fprintf(e.stderr, "kabar eval stem: %v\n", err)
			return 1
		}
		r, err := stemeval.Lemmas(d, st, m.String())
		if err != nil {
			fmt.Fprintf(e.stderr, "kabar eval stem: %v\n", err)
			return 1
		}
		stemeval.WriteScore(w, r.All, *misses)
		stemeval.WriteScore(w, r.Affixed, *misses)
		imp = r
	}
	if before, after, err := stemeval.Improvements(*improvements); err == nil {
		fmt.Fprintln(w, "\nSastrawi failure classes (stem/testdata/improvements.tsv), embedded dictionary:")
		stemeval.WriteScore(w, before, *misses)
		stemeval.WriteScore(w, after, *misses)
		check(after.Pass == after.Total, "improved mode passes every failure-class case")
	} else {
		fmt.Fprintf(w, "\n(failure-class cases not read: %v)\n", err)
	}
	if sw, err := stemeval.Stopwords(d, stem.Default()); err == nil {
		fmt.Fprintf(w, "\nStopwords: kabar %d words, stopwords-iso %d, both %d; %.1f%% of kabar's are in stopwords-iso, %.1f%% of stopwords-iso's in kabar's.\n",
			sw.Ours, sw.ISO, sw.Both, sw.OursInISO, sw.ISOInOurs)
		fmt.Fprintf(w, "UD tokens marked as stopwords: kabar %.1f%%, stopwords-iso %.1f%%. Only in kabar's: %s\n",
			sw.OurTokens, sw.ISOTokens, strings.Join(sw.OnlyOurs, " "))
	}
	fmt.Fprintln(w, "\nTargets:")
	check(sr.Pairs.Pass == sr.Pairs.Total && sr.Pairs.Total == 193, fmt.Sprintf("Sastrawi pairs %d/%d (want 193/193)", sr.Pairs.Pass, sr.Pairs.Total))
	check(imp.All.TokPct() >= 98, fmt.Sprintf("UD lemmas, all, token-weighted %.2f%% (want >= 98%%)", imp.All.TokPct()))
	check(imp.Affixed.TokPct() >= 96.5, fmt.Sprintf("UD lemmas, affixed, token-weighted %.2f%% (want >= 96.5%%)", imp.Affixed.TokPct()))
	check(imp.Affixed.Pct() >= 96.5, fmt.Sprintf("UD lemmas, affixed, type-level %.2f%% (want >= 96.5%%)", imp.Affixed.Pct()))
	fmt.Fprintf(w, "  info UD lemmas, all, type-level %.2f%% (the anchors and targets count tokens; types fall short of 98%%, see README)\n", imp.All.Pct())
	if *assert && failed {
		return 1
	}
	return 0
}
