package pipeline

import (
	"bufio"
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/transforms/stats"

	"github.com/kabar-id/kabar"
	"github.com/kabar-id/kabar/beam/internal/recio"
	"github.com/kabar-id/kabar/tokenize"
)

func init() {
	beam.RegisterType(reflect.TypeOf((*DocFreq)(nil)).Elem())
	beam.RegisterType(reflect.TypeOf((*EntityDocs)(nil)).Elem())
	register.DoFn4x0[context.Context, string, func(string, int), func(string, int)](&docFactsFn{})
	register.Emitter2[string, int]()
	register.Function2x1[string, int, DocFreq](toDocFreq)
	register.Function2x1[string, int, EntityDocs](toEntityDocs)
	register.DoFn3x1[context.Context, int, func(*DocFreq) bool, error](&writeIDFFn{})
	register.DoFn3x1[context.Context, int, func(*EntityDocs) bool, error](&writeEntitiesFn{})
	register.Iter1[DocFreq]()
	register.Iter1[EntityDocs]()
}

// DocFreq is one row of a document-frequency table: the number of documents
// whose content terms include Term. The row with the empty Term holds the
// number of documents.
type DocFreq struct {
	Term string
	DF   int
}

// EntityDocs is one row of the entity table: the number of documents in
// which an entity with that label and canonical name was found.
type EntityDocs struct {
	Label string `json:"label"`
	Name  string `json:"name"`
	Docs  int    `json:"docs"`
}

// CorpusCounts computes, from successfully analysed records (for example
// the error-free records of an earlier kabar batch or kabar-beam run), the
// two corpus-level tables as PCollections; [Analyze] returns the same tables
// for the records it makes:
//
//   - df, PCollection<DocFreq>: for every content term (the stem of a word
//     token that is not a stopword, as package summarize counts terms for its
//     IDF table), the number of records containing it; plus one row with the
//     empty term holding the number of records;
//   - ents, PCollection<EntityDocs>: for every entity (label and canonical
//     name of a group in the record's "groups"), the number of records that
//     mention it.
//
// Both are Beam combines (sums per key of partial counts made per bundle),
// so they scale with the cluster. A record that is not a JSON
// object with the expected "tokens" and "groups" shapes counts as a document
// without terms or entities, and increments the counter
// kabar/records_unreadable.
func CorpusCounts(s beam.Scope, docs beam.PCollection) (df, ents beam.PCollection) {
	s = s.Scope("kabar.CorpusCounts")
	terms, names := beam.ParDo2(s, &docFactsFn{}, docs)
	return sumCounts(s, terms, names)
}

// sumCounts adds up the partial counts of bundleCounts.flush.
func sumCounts(s beam.Scope, terms, names beam.PCollection) (df, ents beam.PCollection) {
	df = beam.ParDo(s, toDocFreq, stats.SumPerKey(s, terms))
	ents = beam.ParDo(s, toEntityDocs, stats.SumPerKey(s, names))
	return df, ents
}

func toDocFreq(term string, n int) DocFreq { return DocFreq{Term: term, DF: n} }

func toEntityDocs(key string, n int) EntityDocs {
	label, name, _ := strings.Cut(key, "\x00")
	return EntityDocs{Label: label, Name: name, Docs: n}
}

// bundleCounts counts, within a bundle, the documents each term and entity
// appears in; flush emits the partial counts when the bundle ends: far fewer
// elements for the shuffle than one per term and document. The empty term
// counts the documents.
type bundleCounts struct {
	terms, ents map[string]int
}

func (c *bundleCounts) add(facts *recio.Facts) {
	if c.terms == nil {
		c.terms, c.ents = make(map[string]int), make(map[string]int)
	}
	c.terms[""]++
	if facts == nil {
		return
	}
	facts.Terms(func(t string) { c.terms[t]++ })
	facts.Entities(func(label, name string) { c.ents[label+"\x00"+name]++ })
}

// addDoc counts the terms and entities of an analysed document, as add
// counts them from its record (recio.Facts.Terms and Entities).
func (c *bundleCounts) addDoc(d *kabar.Document) {
	if c.terms == nil {
		c.terms, c.ents = make(map[string]int), make(map[string]int)
	}
	c.terms[""]++
	seen := make(map[string]bool, 64)
	for _, t := range d.Tokens {
		if t.Kind != tokenize.Word || t.Stop || seen[t.Stem] || !recio.ValidTerm(t.Stem) {
			continue
		}
		seen[t.Stem] = true
		c.terms[t.Stem]++
	}
	clear(seen)
	for _, g := range d.Groups {
		k := g.Label.String() + "\x00" + g.Name
		if g.Name == "" || seen[k] {
			continue
		}
		seen[k] = true
		c.ents[k]++
	}
}

func (c *bundleCounts) flush(term, entity func(string, int)) {
	for k, n := range c.terms {
		term(k, n)
	}
	for k, n := range c.ents {
		entity(k, n)
	}
	c.terms, c.ents = nil, nil
}

// docFactsFn reads the facts of analysed records and counts them.
type docFactsFn struct {
	unreadable beam.Counter
	counts     bundleCounts
}

func (f *docFactsFn) Setup() { f.unreadable = beam.NewCounter("kabar", "records_unreadable") }

func (f *docFactsFn) ProcessElement(ctx context.Context, rec string, _, _ func(string, int)) {
	facts, err := recio.ParseFacts([]byte(rec))
	if err != nil {
		f.unreadable.Inc(ctx, 1)
		f.counts.add(nil)
		return
	}
	f.counts.add(&facts)
}

func (f *docFactsFn) FinishBundle(term, entity func(string, int)) { f.counts.flush(term, entity) }

// WriteIDF writes df (from CorpusCounts) as one text file in the format
// package summarize reads with ReadIDF: "# " comment lines from header, then
// "docs N", "mindf M" and one "term<TAB>df" line per term seen in at least
// minDF documents, sorted by term. The table is gathered on one worker to
// be sorted; it holds one row per distinct term.
func WriteIDF(s beam.Scope, filename string, header []string, minDF int, df beam.PCollection) {
	s = s.Scope("kabar.WriteIDF")
	filesystem.ValidateScheme(filename)
	// The zero row makes sure the file is written for an empty corpus too.
	df = beam.Flatten(s, df, beam.Create(s, DocFreq{}))
	all := beam.GroupByKey(s, beam.AddFixedKey(s, df))
	beam.ParDo0(s, &writeIDFFn{Filename: filename, Header: header, MinDF: max(minDF, 1)}, all)
}

type writeIDFFn struct {
	Filename string   `json:"filename"`
	Header   []string `json:"header"`
	MinDF    int      `json:"min_df"`
}

func (f *writeIDFFn) ProcessElement(ctx context.Context, _ int, rows func(*DocFreq) bool) error {
	var table []DocFreq
	docs := 0
	var r DocFreq
	for rows(&r) {
		switch {
		case r.Term == "":
			docs += r.DF
		case r.DF >= f.MinDF:
			table = append(table, r)
		}
	}
	slices.SortFunc(table, func(a, b DocFreq) int { return strings.Compare(a.Term, b.Term) })
	return writeFile(ctx, f.Filename, func(w *bufio.Writer) error {
		for _, h := range f.Header {
			fmt.Fprintf(w, "# %s\n", h)
		}
		fmt.Fprintf(w, "docs %d\nmindf %d\n", docs, f.MinDF)
		for _, r := range table {
			w.WriteString(r.Term)
			w.WriteByte('\t')
			w.WriteString(strconv.Itoa(r.DF))
			w.WriteByte('\n')
		}
		return nil
	})
}

// WriteEntities writes ents (from CorpusCounts) as one JSONL file, one
// {"label","name","docs"} object per line, most frequent first (ties by
// label, then name). The table is gathered on one worker to be sorted.
func WriteEntities(s beam.Scope, filename string, ents beam.PCollection) {
	s = s.Scope("kabar.WriteEntities")
	filesystem.ValidateScheme(filename)
	// The zero row, not written, makes sure the file is written when no
	// entity was found.
	ents = beam.Flatten(s, ents, beam.Create(s, EntityDocs{}))
	all := beam.GroupByKey(s, beam.AddFixedKey(s, ents))
	beam.ParDo0(s, &writeEntitiesFn{Filename: filename}, all)
}

type writeEntitiesFn struct {
	Filename string `json:"filename"`
}

func (f *writeEntitiesFn) ProcessElement(ctx context.Context, _ int, rows func(*EntityDocs) bool) error {
	var table []EntityDocs
	var r EntityDocs
	for rows(&r) {
		if r.Docs > 0 {
			table = append(table, r)
		}
	}
	SortEntities(table)
	return writeFile(ctx, f.Filename, func(w *bufio.Writer) error {
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		for _, r := range table {
			if err := enc.Encode(r); err != nil {
				return err
			}
		}
		return nil
	})
}

// SortEntities sorts rows the way WriteEntities writes them: by Docs,
// largest first, then by Label and Name.
func SortEntities(rows []EntityDocs) {
	slices.SortFunc(rows, func(a, b EntityDocs) int {
		return cmp.Or(cmp.Compare(b.Docs, a.Docs), strings.Compare(a.Label, b.Label), strings.Compare(a.Name, b.Name))
	})
}
