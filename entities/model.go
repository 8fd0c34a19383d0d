package entities

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"io"
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The model file format, version 1. All integers are little-endian;
// "uvarint" and "varint" are encoding/binary's variable-length encodings.
//
//	magic    "KABARNER"
//	version  uint16 (1)
//	body:
//	  features uvarint  feature template version (featureVersion)
//	  info     uvarint length + UTF-8 text (sources, licences, command, scores)
//	  ntypes   byte, then ntypes labels (bytes, each in PER..QUANTITY, distinct)
//	  scale    float32  weight = q × scale
//	  trans    (ntags+1) × ntags varints: transition weights; the last row
//	           is the start of a sentence
//	  nfeat    uvarint
//	  per feature: uvarint key delta (keys ascending, deltas > 0), uvarint
//	           mask of the tags with a weight, one varint per set bit
//	  nclass   uvarint, then per word (ascending): uvarint length + word,
//	           uint16 cluster, byte prior
//	  ngaz     uvarint, then per entry (keys ascending): uvarint length +
//	           name, byte label
//	crc32    uint32 IEEE checksum of everything before it
//
// Tags are O = 0, B-types[k] = 1+2k, I-types[k] = 2+2k.
const (
	modelMagic   = "KABARNER"
	modelVersion = 1
	maxModelSize = 64 << 20
	maxTypes     = int(numLabels) - 1
	maxWeight    = math.MaxInt32 / 64 // stored weights fit in 26 bits
)

// model is a trained sequence labeller: an averaged structured perceptron
// over BIO tags with first-order transitions, decoded by Viterbi.
type model struct {
	info  string
	types []Label
	ntags int
	scale float32
	trans []int32 // (ntags+1)*ntags, last row = start
	// open-addressing table from feature key to weight row
	table []slot
	mask  uint64
	// filter has one bit per (hashed) key: most absent features are
	// rejected here, in a bitset that stays in cache, before the table
	filter []uint64
	fkeys  []uint64 // fkeys[r] is the key of row r, ascending
	// weights: w[rowOff[r]:rowOff[r+1]] are row r's, each value<<5 | tag
	// (the file's sparse form, kept for encode)
	rowOff []int32
	w      []int32
	// dense[r*stride : r*stride+ntags] are row r's weights for every tag
	// (0 where the row has none): one contiguous read per feature. Adding
	// a 0 leaves a float32 sum unchanged, so the emission scores are the
	// same as from the sparse form.
	dense  []int32
	stride int
	lex    lexicon
	fast   *fastTables // nil: the model takes the reference path (fast.go)
	tr7    *tr7        // folded transitions of a model of 7 tags, else nil
	itr7   *itr7       // the same in integers
}

// slot is one entry of the lookup table: the high half of the key (the
// low bits choose the slot) and the row + 1 (0 for an empty slot).
type slot struct {
	check uint32
	row   int32
}

const filterBits = 1 << 20

func filterBit(key uint64) uint64 { return (key >> 40) & (filterBits - 1) }

func (m *model) lookup(key uint64) int32 {
	if len(m.table) == 0 {
		return -1
	}
	if b := filterBit(key); m.filter[b>>6]&(1<<(b&63)) == 0 {
		return -1
	}
	check := uint32(key >> 32)
	for i := key & m.mask; ; i = (i + 1) & m.mask {
		sl := m.table[i]
		if sl.row == 0 {
			return -1
		}
		if sl.check == check {
			return sl.row - 1
		}
	}
}

// buildTable fills the lookup table for the sorted keys.
func (m *model) buildTable(keys []uint64) {
	size := 1
	for size < 2*len(keys)+1 {
		size <<= 1
	}
	m.table = make([]slot, size)
	m.mask = uint64(size - 1)
	m.fkeys = keys
	m.filter = make([]uint64, filterBits/64)
	for r, k := range keys {
		b := filterBit(k)
		m.filter[b>>6] |= 1 << (b & 63)
		i := k & m.mask
		for m.table[i].row != 0 {
			i = (i + 1) & m.mask
		}
		m.table[i] = slot{check: uint32(k >> 32), row: int32(r + 1)}
	}
	m.stride = (m.ntags + 7) &^ 7 // rows of 8 float32 (32 bytes) for 3 types
	m.dense = make([]int32, len(keys)*m.stride)
	for r := range keys {
		row := m.dense[r*m.stride:]
		for _, v := range m.w[m.rowOff[r]:m.rowOff[r+1]] {
			row[v&31] = v >> 5
		}
	}
}

// row returns the weights of row r, one per tag.
func (m *model) row(r int32) []int32 {
	o := int(r) * m.stride
	return m.dense[o : o+m.ntags : o+m.ntags]
}

// decode labels the sentence whose features are in s and leaves the best
// tag sequence in s.tags.
func (m *model) decode(s *scratch) {
	n := len(s.offs) - 1
	T := m.ntags
	s.scores = grow(s.scores, n*T)
	em := s.scores[:n*T]
	clear(em)
	for i := range n {
		row := em[i*T : i*T+T]
		m.addWeights(row, s.feats[s.offs[i]:s.offs[i+1]])
	}
	viterbi(em, n, T, m.trans, s)
}

// addWeights adds the weights of the features to row.
func (m *model) addWeights(row []float32, feats []uint64) {
	row = row[:m.ntags]
	for _, f := range feats {
		r := m.lookup(f)
		if r < 0 {
			continue
		}
		ws := m.row(r)
		for t := range row {
			row[t] += float32(ws[t])
		}
	}
}

// tagCached labels the words of one sentence and leaves their token
// information in s (s.info, s.mode) for the post-processing. Words are
// remembered in s for the rest of the Recognize call and after
// (keepWords).
func (m *model) tagCached(words []string, s *scratch) []TokenSpan {
	n, T := len(words), m.ntags
	if n == 0 {
		return nil
	}
	if m.fast != nil {
		m.emitFast(words, s)
		if s.inactive > 0 && m.itr7 != nil {
			if spans, ok := m.decodeSegments(n, s); ok {
				return spans
			}
			// a run too large for the integer decoder: score every token
			// for the float decoder
			s.allActive = true
			m.emitFast(words, s)
			s.allActive = false
		}
		if em := s.iem[:n*T]; s.inactive == 0 && m.itr7 != nil && exactBound(em, n, m.itr7, m.fast.tokMax) {
			if allO(em, n, m.itr7) {
				return s.spans[:0] // no entity: Viterbi would tag every token O
			}
			viterbiInt7(em, n, m.itr7, s)
			s.spans = m.appendSpans(s.spans[:0], s.tags)
			if len(s.spans) > 0 {
				marginsInt7(em, n, s.spans[0].Start, m.itr7, s)
			}
			return s.spans
		}
		scores := s.scores[:n*T]
		for i, v := range s.iem[:n*T] {
			scores[i] = float32(v)
		}
	} else {
		m.lex.extract(words, s)
		s.scores = grow(s.scores, n*T)
		em := s.scores[:n*T]
		clear(em)
		for i := range n {
			m.addWeights(em[i*T:i*T+T], s.feats[s.offs[i]:s.offs[i+1]])
		}
		s.act = grow(s.act, n)[:n]
		s.inactive = 0
		if s.mode == modeMixed {
			for i, w := range words {
				s.act[i] = strings.ContainsFunc(w, unicode.IsUpper)
			}
			s.inactive = nearCapital(s.act, words)
		}
	}
	em := s.scores[:n*T]
	if s.inactive > 0 {
		forceO(em, T, s.act[:n])
	}
	if m.tr7 != nil {
		viterbi7(em, n, m.tr7, s)
	} else {
		viterbi(em, n, T, m.trans, s)
	}
	s.spans = m.appendSpans(s.spans[:0], s.tags)
	if len(s.spans) > 0 {
		// only the spans' tokens need them, and the post-processing only
		// moves a span's start to the right
		if m.tr7 != nil {
			margins7(em, n, s.spans[0].Start, m.tr7, s)
		} else {
			m.margins(em, n, s)
		}
	}
	return s.spans
}

// forceO makes O the only tag of the tokens outside act, whose emission
// scores em are T per token: as decodeSegments, for the float decoders.
func forceO(em []float32, T int, act []bool) {
	negInf := float32(math.Inf(-1))
	for i, a := range act {
		if !a {
			row := em[i*T : i*T+T]
			row[0] = 0
			for t := 1; t < T; t++ {
				row[t] = negInf
			}
		}
	}
}

// margins sets s.margin[i] to the score of the best tag sequence minus
// that of the best one with another tag at token i (max-marginals from a
// forward and a backward Viterbi pass), in units of 1/64 of a perceptron
// update.
func (m *model) margins(em []float32, n int, s *scratch) {
	T := m.ntags
	negInf := float32(math.Inf(-1))
	tr := s.tr[:(T+1)*T] // from viterbi
	alpha, beta := s.alpha[:n*T], s.alpha[n*T:2*n*T]
	for t := range T {
		beta[(n-1)*T+t] = 0
	}
	for i := n - 2; i >= 0; i-- {
		next := em[(i+1)*T : (i+2)*T]
		nb := beta[(i+1)*T : (i+2)*T]
		for p := range T {
			// O and every B-X may follow any tag; I-X only B-X and I-X
			best := tr[p*T] + next[0] + nb[0]
			for t := 1; t < T; t += 2 {
				best = max(best, tr[p*T+t]+next[t]+nb[t])
			}
			if p > 0 {
				t := p + p%2 // the I tag of p's type
				best = max(best, tr[p*T+t]+next[t]+nb[t])
			}
			beta[i*T+p] = best
		}
	}
	s.margin = s.margin[:0]
	for i := range n {
		tag := int(s.tags[i])
		top, other := negInf, negInf
		for t := range T {
			v := alpha[i*T+t] + beta[i*T+t]
			if t == tag {
				top = v
			} else {
				other = max(other, v)
			}
		}
		s.margin = append(s.margin, top-other)
	}
}

// marginScale and marginBias turn a mention's smallest max-marginal
// margin into a confidence, 1/(1+exp(-(margin-marginBias)/marginScale)).
// They were fitted by log loss on idner-news-2k.dev (go test -run
// Calibrate -calibrate).
const (
	marginScale = 1024
	marginBias  = 512
)

// spanScore returns the confidence of a span: that of its least certain
// token.
func spanScore(margin []float32, sp TokenSpan) float64 {
	if sp.End > len(margin) || sp.Start < 0 || sp.Start >= sp.End {
		return 0.5
	}
	lo := float32(math.Inf(1))
	for _, v := range margin[sp.Start:sp.End] {
		lo = min(lo, v)
	}
	return 1 / (1 + math.Exp(-(float64(lo)-marginBias)/marginScale))
}

// validTrans reports whether tag b may follow tag a (a == -1 at the start):
// I-X only continues B-X or I-X.
func validTrans(a, b int) bool {
	if b == 0 || b%2 == 1 {
		return true
	}
	return a > 0 && (a+1)/2 == (b+1)/2
}

// foldTrans fills s.tr with the transition scores with the BIO constraint
// folded in (−Inf where a transition is invalid).
func foldTrans(T int, trans []int32, s *scratch) []float32 {
	negInf := float32(math.Inf(-1))
	tr := s.tr[:(T+1)*T]
	for p := 0; p <= T; p++ {
		for t := range T {
			a := p
			if p == T {
				a = -1
			}
			if validTrans(a, t) {
				tr[p*T+t] = float32(trans[p*T+t])
			} else {
				tr[p*T+t] = negInf
			}
		}
	}
	return tr
}

// viterbi finds the best valid tag sequence for emission scores em (n×T)
// and transition scores trans ((T+1)×T, last row the start). It leaves the
// forward scores in s.alpha[:n*T] and the transitions in s.tr.
func viterbi(em []float32, n, T int, trans []int32, s *scratch) {
	back := s.paths(n, T)
	s.alpha = grow(s.alpha, 2*n*T)
	if n == 0 {
		return
	}
	alpha := s.alpha[:n*T]
	negInf := float32(math.Inf(-1))
	tr := foldTrans(T, trans, s)
	for t := range T {
		alpha[t] = em[t] + tr[T*T+t]
	}
	for i := 1; i < n; i++ {
		prev := alpha[(i-1)*T : i*T]
		cur := alpha[i*T : i*T+T]
		row := em[i*T : i*T+T]
		bk := back[i*T : i*T+T]
		for t := range T {
			best, arg := negInf, 0
			if t > 0 && t%2 == 0 {
				// I-X continues only B-X (t-1) or I-X (t)
				if v := prev[t-1] + tr[(t-1)*T+t]; v > best {
					best, arg = v, t-1
				}
				if v := prev[t] + tr[t*T+t]; v > best {
					best, arg = v, t
				}
			} else {
				for p, pv := range prev {
					if v := pv + tr[p*T+t]; v > best {
						best, arg = v, p
					}
				}
			}
			cur[t] = best + row[t]
			bk[t] = uint8(arg)
		}
	}
	last := alpha[(n-1)*T : n*T]
	best, arg := negInf, 0
	for t, v := range last {
		if v > best {
			best, arg = v, t
		}
	}
	for i := n - 1; i >= 0; i-- {
		s.tags[i] = uint8(arg)
		arg = int(back[i*T+arg])
	}
}

// encode writes the model in the file format above.
func (m *model) encode(w io.Writer) error {
	var b []byte
	b = append(b, modelMagic...)
	b = binary.LittleEndian.AppendUint16(b, modelVersion)
	b = binary.AppendUvarint(b, featureVersion)
	b = binary.AppendUvarint(b, uint64(len(m.info)))
	b = append(b, m.info...)
	b = append(b, byte(len(m.types)))
	for _, t := range m.types {
		b = append(b, byte(t))
	}
	b = binary.LittleEndian.AppendUint32(b, math.Float32bits(m.scale))
	for _, v := range m.trans {
		b = binary.AppendVarint(b, int64(v))
	}
	b = binary.AppendUvarint(b, uint64(len(m.fkeys)))
	var last uint64
	for r, k := range m.fkeys {
		b = binary.AppendUvarint(b, k-last)
		last = k
		var mask uint64
		ws := m.w[m.rowOff[r]:m.rowOff[r+1]]
		for _, v := range ws {
			mask |= 1 << (v & 31)
		}
		b = binary.AppendUvarint(b, mask)
		for _, v := range ws {
			b = binary.AppendVarint(b, int64(v>>5))
		}
	}
	words := make([]string, 0, len(m.lex.classes))
	for w := range m.lex.classes {
		words = append(words, w)
	}
	slices.Sort(words)
	b = binary.AppendUvarint(b, uint64(len(words)))
	for _, w := range words {
		c := m.lex.classes[w]
		b = binary.AppendUvarint(b, uint64(len(w)))
		b = append(b, w...)
		b = binary.LittleEndian.AppendUint16(b, c.cluster)
		b = append(b, c.prior)
	}
	g := m.lex.gaz
	b = binary.AppendUvarint(b, uint64(g.len()))
	for i := range g.len() {
		b = binary.AppendUvarint(b, uint64(len(g.keys[i])))
		b = append(b, g.keys[i]...)
		b = append(b, byte(g.labels[i]))
	}
	b = binary.LittleEndian.AppendUint32(b, crc32.ChecksumIEEE(b))
	_, err := w.Write(b)
	return err
}

// decoder reads the body of a model file, remembering the first error.
type decoder struct {
	b   []byte
	err error
	// all is the whole file as one string, so that the strings read are
	// substrings of it rather than one allocation each; off is the offset
	// of b in all.
	all string
	off int
}

func (d *decoder) fail(what string) {
	if d.err == nil {
		d.err = fmt.Errorf("%w: bad %s", ErrBadModel, what)
	}
}

func (d *decoder) uvarint(what string) uint64 {
	if d.err != nil {
		return 0
	}
	v, n := binary.Uvarint(d.b)
	if n <= 0 {
		d.fail(what)
		return 0
	}
	d.b = d.b[n:]
	d.off += n
	return v
}

func (d *decoder) varint(what string) int64 {
	if d.err != nil {
		return 0
	}
	v, n := binary.Varint(d.b)
	if n <= 0 {
		d.fail(what)
		return 0
	}
	d.b = d.b[n:]
	d.off += n
	return v
}

func (d *decoder) bytes(n int, what string) []byte {
	if d.err != nil {
		return nil
	}
	if n < 0 || n > len(d.b) {
		d.fail(what)
		return nil
	}
	v := d.b[:n]
	d.b = d.b[n:]
	d.off += n
	return v
}

func (d *decoder) str(what string, maxLen int) string {
	n := d.uvarint(what)
	if n > uint64(maxLen) {
		d.fail(what)
		return ""
	}
	start := d.off
	s := d.bytes(int(n), what)
	if d.err != nil || !utf8.Valid(s) {
		d.fail(what)
		return ""
	}
	return d.all[start : start+int(n)]
}

// count reads a count of items of at least minBytes bytes each, checking it
// against the bytes left so that a corrupt count cannot allocate much.
func (d *decoder) count(what string, minBytes int) int {
	n := d.uvarint(what)
	if d.err == nil && n > uint64(len(d.b)/minBytes) {
		d.fail(what)
		return 0
	}
	return int(n)
}

// decodeModel parses a model file.
func decodeModel(data []byte) (*model, error) {
	if len(data) < len(modelMagic)+2+4 || string(data[:len(modelMagic)]) != modelMagic {
		return nil, fmt.Errorf("%w: not a kabar entity model (bad magic)", ErrBadModel)
	}
	body, sum := data[:len(data)-4], binary.LittleEndian.Uint32(data[len(data)-4:])
	if v := binary.LittleEndian.Uint16(data[len(modelMagic):]); v != modelVersion {
		return nil, fmt.Errorf("%w: format version %d, want %d", ErrBadModel, v, modelVersion)
	}
	if crc32.ChecksumIEEE(body) != sum {
		return nil, fmt.Errorf("%w: checksum mismatch (truncated or corrupt)", ErrBadModel)
	}
	d := &decoder{b: body[len(modelMagic)+2:], all: string(body), off: len(modelMagic) + 2}
	if fv := d.uvarint("feature version"); d.err == nil && fv != featureVersion {
		return nil, fmt.Errorf("%w: feature version %d, want %d", ErrBadModel, fv, featureVersion)
	}
	m := &model{}
	m.info = d.str("info", 1<<20)
	tc := d.bytes(1, "type count")
	if d.err != nil {
		return nil, d.err
	}
	nt := int(tc[0])
	if nt < 1 || nt > maxTypes {
		return nil, fmt.Errorf("%w: %d entity types", ErrBadModel, nt)
	}
	for _, t := range d.bytes(nt, "types") {
		l := Label(t)
		if l == None || l >= numLabels || slices.Contains(m.types, l) {
			return nil, fmt.Errorf("%w: bad entity type %d", ErrBadModel, t)
		}
		m.types = append(m.types, l)
	}
	m.ntags = 2*nt + 1
	if s := d.bytes(4, "scale"); d.err == nil {
		m.scale = math.Float32frombits(binary.LittleEndian.Uint32(s))
		if !(m.scale > 0) || math.IsInf(float64(m.scale), 0) {
			d.fail("scale")
		}
	}
	m.trans = make([]int32, (m.ntags+1)*m.ntags)
	for i := range m.trans {
		v := d.varint("transitions")
		if v < math.MinInt32/4 || v > math.MaxInt32/4 {
			d.fail("transitions")
		}
		m.trans[i] = int32(v)
	}
	nf := d.count("feature count", 2)
	if d.err != nil {
		return nil, d.err
	}
	keys := make([]uint64, 0, nf)
	m.rowOff = make([]int32, 0, nf+1)
	m.w = make([]int32, 0, 2*nf)
	var last uint64
	for range nf {
		delta := d.uvarint("feature key")
		if d.err != nil {
			return nil, d.err
		}
		if delta == 0 || last+delta < last {
			return nil, fmt.Errorf("%w: feature keys not ascending", ErrBadModel)
		}
		last += delta
		keys = append(keys, last)
		m.rowOff = append(m.rowOff, int32(len(m.w)))
		mask := d.uvarint("weight mask")
		if mask >= 1<<uint(m.ntags) {
			d.fail("weight mask")
		}
		for t := range m.ntags {
			if mask&(1<<uint(t)) == 0 {
				continue
			}
			v := d.varint("weight")
			if v < -maxWeight || v > maxWeight {
				d.fail("weight")
			}
			m.w = append(m.w, int32(v)<<5|int32(t))
		}
		if d.err != nil {
			return nil, d.err
		}
	}
	m.rowOff = append(m.rowOff, int32(len(m.w)))
	m.buildTable(keys)

	nc := d.count("word class count", 4)
	m.lex.classes = make(map[string]wordClass, nc)
	m.lex.words, m.lex.wclass = make([]string, 0, nc), make([]wordClass, 0, nc)
	for range nc {
		w := d.str("word class", 256)
		c := d.bytes(3, "word class")
		if d.err != nil {
			return nil, d.err
		}
		wc := wordClass{cluster: binary.LittleEndian.Uint16(c), prior: c[2]}
		m.lex.classes[w] = wc
		m.lex.words, m.lex.wclass = append(m.lex.words, w), append(m.lex.wclass, wc)
	}
	ng := d.count("gazetteer count", 2)
	var entries []gazEntry
	for range ng {
		name := d.str("gazetteer entry", 256)
		l := d.bytes(1, "gazetteer label")
		if d.err != nil {
			return nil, d.err
		}
		if Label(l[0]) == None || Label(l[0]) >= numLabels {
			return nil, fmt.Errorf("%w: bad gazetteer label %d", ErrBadModel, l[0])
		}
		entries = append(entries, gazEntry{name, Label(l[0])})
	}
	if d.err != nil {
		return nil, d.err
	}
	if len(d.b) != 0 {
		return nil, fmt.Errorf("%w: %d trailing bytes", ErrBadModel, len(d.b))
	}
	m.lex.gaz = newGazetteer(entries)
	m.buildFast()
	return m, nil
}

// readModel reads a whole model file from r.
func readModel(r io.Reader) (*model, error) {
	var buf bytes.Buffer
	n, err := buf.ReadFrom(io.LimitReader(r, maxModelSize+1))
	if err != nil {
		return nil, fmt.Errorf("entities: reading model: %w", err)
	}
	if n > maxModelSize {
		return nil, fmt.Errorf("%w: larger than %d bytes", ErrBadModel, maxModelSize)
	}
	return decodeModel(buf.Bytes())
}
