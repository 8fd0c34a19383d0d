package entities

import (
	"math"
	"slices"
)

// viterbi7 and margins7 are viterbi and margins for the models of three
// entity types (7 tags, as the embedded one), over fixed-size arrays so
// that the compiler drops the bounds checks. They compute the same
// expressions in the same order, so the results are identical
// (TestDecode7 compares them).

// tr7 is a model's transition scores with the BIO constraint folded in
// (foldTrans): from[p][t] from tag p (7: the start) to tag t, and to[t][p]
// the same transposed.
type tr7 struct {
	from [8][7]float32
	to   [7][8]float32
}

func foldTrans7(trans []int32) *tr7 {
	var s scratch
	tr := foldTrans(7, trans, &s)
	var out tr7
	for p := range 8 {
		for t := range 7 {
			out.from[p][t] = tr[p*7+t]
			out.to[t][p] = tr[p*7+t]
		}
	}
	return &out
}

var negInf32 = float32(math.Inf(-1))

// bestPrev returns the maximum of prev[p] + to[p] and the first p that
// reaches it, as viterbi's loop over the previous tags.
func bestPrev(prev *[7]float32, to *[8]float32) (float32, int) {
	best, arg := negInf32, 0
	if v := prev[0] + to[0]; v > best {
		best, arg = v, 0
	}
	if v := prev[1] + to[1]; v > best {
		best, arg = v, 1
	}
	if v := prev[2] + to[2]; v > best {
		best, arg = v, 2
	}
	if v := prev[3] + to[3]; v > best {
		best, arg = v, 3
	}
	if v := prev[4] + to[4]; v > best {
		best, arg = v, 4
	}
	if v := prev[5] + to[5]; v > best {
		best, arg = v, 5
	}
	if v := prev[6] + to[6]; v > best {
		best, arg = v, 6
	}
	return best, arg
}

// bestI is bestPrev for the I tag t, which continues only B (t-1) or I (t).
func bestI(prev *[7]float32, to *[8]float32, t int) (float32, int) {
	best, arg := negInf32, 0
	if v := prev[t-1] + to[t-1]; v > best {
		best, arg = v, t-1
	}
	if v := prev[t] + to[t]; v > best {
		best, arg = v, t
	}
	return best, arg
}

// viterbi7 is viterbi for 7 tags with folded transitions tr.
func viterbi7(em []float32, n int, tr *tr7, s *scratch) {
	const T = 7
	back := s.paths(n, T)
	s.alpha = grow(s.alpha, 2*n*T)
	if n == 0 {
		return
	}
	alpha := s.alpha[:n*T]
	negInf := float32(math.Inf(-1))
	a0, e0 := (*[T]float32)(alpha), (*[T]float32)(em)
	for t := range T {
		a0[t] = e0[t] + tr.from[T][t]
	}
	for i := 1; i < n; i++ {
		prev := (*[T]float32)(alpha[(i-1)*T:])
		cur := (*[T]float32)(alpha[i*T:])
		row := (*[T]float32)(em[i*T:])
		bk := (*[T]uint8)(back[i*T:])
		b, a := bestPrev(prev, &tr.to[0])
		cur[0], bk[0] = b+row[0], uint8(a)
		b, a = bestPrev(prev, &tr.to[1])
		cur[1], bk[1] = b+row[1], uint8(a)
		b, a = bestI(prev, &tr.to[2], 2)
		cur[2], bk[2] = b+row[2], uint8(a)
		b, a = bestPrev(prev, &tr.to[3])
		cur[3], bk[3] = b+row[3], uint8(a)
		b, a = bestI(prev, &tr.to[4], 4)
		cur[4], bk[4] = b+row[4], uint8(a)
		b, a = bestPrev(prev, &tr.to[5])
		cur[5], bk[5] = b+row[5], uint8(a)
		b, a = bestI(prev, &tr.to[6], 6)
		cur[6], bk[6] = b+row[6], uint8(a)
	}
	last := (*[T]float32)(alpha[(n-1)*T:])
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

// margins7 is margins for 7 tags, computed for the tokens from lo on (the
// tokens before lo get 0; no span reaches them).
func margins7(em []float32, n, lo int, tr *tr7, s *scratch) {
	const T = 7
	negInf := negInf32
	alpha, beta := s.alpha[:n*T], s.alpha[n*T:2*n*T]
	last := (*[T]float32)(beta[(n-1)*T:])
	*last = [T]float32{}
	for i := n - 2; i >= lo; i-- {
		next := (*[T]float32)(em[(i+1)*T:])
		nb := (*[T]float32)(beta[(i+1)*T:])
		b := (*[T]float32)(beta[i*T:])
		// O and every B-X may follow any tag; I-X only B-X and I-X
		for p := range T {
			f := &tr.from[p]
			best := f[0] + next[0] + nb[0]
			best = max(best, f[1]+next[1]+nb[1])
			best = max(best, f[3]+next[3]+nb[3])
			best = max(best, f[5]+next[5]+nb[5])
			b[p] = best
		}
		b[1] = max(b[1], tr.from[1][2]+next[2]+nb[2])
		b[2] = max(b[2], tr.from[2][2]+next[2]+nb[2])
		b[3] = max(b[3], tr.from[3][4]+next[4]+nb[4])
		b[4] = max(b[4], tr.from[4][4]+next[4]+nb[4])
		b[5] = max(b[5], tr.from[5][6]+next[6]+nb[6])
		b[6] = max(b[6], tr.from[6][6]+next[6]+nb[6])
	}
	s.margin = grow(s.margin, n)[:n]
	clear(s.margin[:lo])
	for i := lo; i < n; i++ {
		tag := int(s.tags[i])
		a, b := (*[T]float32)(alpha[i*T:]), (*[T]float32)(beta[i*T:])
		top, other := negInf, negInf
		for t := range T {
			v := a[t] + b[t]
			if t == tag {
				top = v
			} else {
				other = max(other, v)
			}
		}
		s.margin[i] = top - other
	}
}

// The integer decoder. When every score that viterbi and margins compute
// for a sentence is an integer of magnitude below 2^24, float32 arithmetic
// is exact, so the same computation in int32 gives the same tags, ties
// broken the same way, and the same margins; and sums may be regrouped.
// exactBound tells whether a sentence qualifies: the sum over its tokens of
// the largest emission magnitude, plus a transition of the largest
// magnitude per token and one more, bounds every such score.

// negBig stands for −Inf in the integer decoder: an invalid transition.
// At most one is ever added to a score (only the start may go to an I
// tag, and no I tag's score is −Inf after the first token), so sums stay
// far from overflow and below every valid score.
const negBig = -(1 << 30)

// itr7 is tr7 in integers, with negBig for −Inf.
type itr7 struct {
	from   [8][7]int32
	to     [7][8]int32
	maxAbs int64 // the largest magnitude of a valid transition
	// for allO: the most that leaving O for another tag p can gain on a
	// transition into O (oGain), and the best transition into each tag t
	// from a tag other than O (intoFromTag[t])
	oGain       int64
	intoFromTag [7]int64
}

func intTrans7(tr *tr7) *itr7 {
	var out itr7
	for p := range 8 {
		for t := range 7 {
			v := int32(negBig)
			if f := tr.from[p][t]; !math.IsInf(float64(f), -1) {
				v = int32(f)
				out.maxAbs = max(out.maxAbs, int64(v), -int64(v))
			}
			out.from[p][t], out.to[t][p] = v, v
		}
	}
	out.oGain = math.MinInt64
	for p := 1; p < 7; p++ {
		out.oGain = max(out.oGain, int64(out.from[p][0])-int64(out.from[0][0]))
	}
	for t := 1; t < 7; t++ {
		out.intoFromTag[t] = math.MinInt64
		for p := 1; p < 7; p++ {
			out.intoFromTag[t] = max(out.intoFromTag[t], int64(out.from[p][t]))
		}
	}
	return &out
}

// allO reports whether viterbiInt7 would tag every token O, from a lower
// bound on d[i], the forward score of O at token i minus the best forward
// score of another tag: if d[i-1] >= oGain, O's back pointer at token i is
// O (ties go to O, the first tag), and if d[n-1] >= 0 the last token's best
// tag is O (ties too). With alpha[i-1][p] <= alpha[i-1][O] - d[i-1] for
// p != O,
//
//	alpha[i][t] <= alpha[i-1][O] + max(from[O][t], intoFromTag[t] - d[i-1]) + em[i][t]
//	alpha[i][O] >= alpha[i-1][O] + from[O][O] + em[i][O]
//
// which bounds d[i]. Exact integer arithmetic, as viterbiInt7's (see
// exactBound). It stops at the first token where the bound fails: most
// sentences without an entity pass, the others fail early.
func allO(em []int32, n int, tr *itr7) bool {
	const T = 7
	e0 := (*[T]int32)(em)
	a0 := int64(e0[0]) + int64(tr.from[T][0])
	d := int64(math.MaxInt64)
	for t := 1; t < T; t++ {
		d = min(d, a0-(int64(e0[t])+int64(tr.from[T][t])))
	}
	oo := int64(tr.from[0][0])
	for i := 1; i < n; i++ {
		if d < tr.oGain {
			return false
		}
		row := (*[T]int32)(em[i*T:])
		worst := int64(math.MinInt64)
		for t := 1; t < T; t++ {
			worst = max(worst, int64(row[t])+max(int64(tr.from[0][t]), tr.intoFromTag[t]-d))
		}
		d = int64(row[0]) + oo - worst
	}
	return d >= 0
}

// exactBound reports whether the integer decoder gives the float
// decoder's results for the n×7 emission scores em. tokMax bounds the
// magnitude of one token's emission scores: when n tokens at tokMax are
// within the bound, em need not be read.
func exactBound(em []int32, n int, tr *itr7, tokMax int64) bool {
	if int64(n+1)*(tokMax+tr.maxAbs) < 1<<24 {
		return true
	}
	b := int64(n+1) * tr.maxAbs
	for i := range n {
		row := (*[7]int32)(em[i*7:])
		m := int32(0)
		for _, v := range row {
			m = max(m, v, -v)
		}
		b += int64(m)
	}
	return b < 1<<24
}

// bestPrevInt is bestPrev in integers: the first p with the largest
// prev[p] + to[p].
func bestPrevInt(prev *[7]int32, to *[8]int32) (int32, int) {
	best, arg := prev[0]+to[0], 0
	if v := prev[1] + to[1]; v > best {
		best, arg = v, 1
	}
	if v := prev[2] + to[2]; v > best {
		best, arg = v, 2
	}
	if v := prev[3] + to[3]; v > best {
		best, arg = v, 3
	}
	if v := prev[4] + to[4]; v > best {
		best, arg = v, 4
	}
	if v := prev[5] + to[5]; v > best {
		best, arg = v, 5
	}
	if v := prev[6] + to[6]; v > best {
		best, arg = v, 6
	}
	return best, arg
}

// viterbiInt7 is viterbi7 in integers (see exactBound); the forward scores
// are left in s.ialpha[:n*7].
func viterbiInt7(em []int32, n int, tr *itr7, s *scratch) {
	const T = 7
	back := s.paths(n, T)
	s.ialpha = grow(s.ialpha, 2*n*T)
	if n == 0 {
		return
	}
	alpha := s.ialpha[:n*T]
	a0, e0 := (*[T]int32)(alpha), (*[T]int32)(em)
	for t := range T {
		a0[t] = e0[t] + tr.from[T][t]
	}
	for i := 1; i < n; i++ {
		prev := (*[T]int32)(alpha[(i-1)*T:])
		cur := (*[T]int32)(alpha[i*T:])
		row := (*[T]int32)(em[i*T:])
		bk := (*[T]uint8)(back[i*T:])
		b, a := bestPrevInt(prev, &tr.to[0])
		cur[0], bk[0] = b+row[0], uint8(a)
		b, a = bestPrevInt(prev, &tr.to[1])
		cur[1], bk[1] = b+row[1], uint8(a)
		b, a = bestPrevInt(prev, &tr.to[3])
		cur[3], bk[3] = b+row[3], uint8(a)
		b, a = bestPrevInt(prev, &tr.to[5])
		cur[5], bk[5] = b+row[5], uint8(a)
		// I-X continues only B-X (t-1) or I-X (t)
		for t := 2; t < T; t += 2 {
			b, a := prev[t-1]+tr.to[t][t-1], t-1
			if v := prev[t] + tr.to[t][t]; v > b {
				b, a = v, t
			}
			cur[t], bk[t] = b+row[t], uint8(a)
		}
	}
	last := (*[T]int32)(alpha[(n-1)*T:])
	best, arg := last[0], 0
	for t := 1; t < T; t++ {
		if last[t] > best {
			best, arg = last[t], t
		}
	}
	for i := n - 1; i >= 0; i-- {
		s.tags[i] = uint8(arg)
		arg = int(back[i*T+arg])
	}
}

// marginsInt7 is margins7 in integers (see exactBound), after viterbiInt7.
func marginsInt7(em []int32, n, lo int, tr *itr7, s *scratch) {
	const T = 7
	alpha, beta := s.ialpha[:n*T], s.ialpha[n*T:2*n*T]
	*(*[T]int32)(beta[(n-1)*T:]) = [T]int32{}
	for i := n - 2; i >= lo; i-- {
		next := (*[T]int32)(em[(i+1)*T:])
		nb := (*[T]int32)(beta[(i+1)*T:])
		b := (*[T]int32)(beta[i*T:])
		var c [T]int32
		for t := range T {
			c[t] = next[t] + nb[t]
		}
		// O and every B-X may follow any tag; I-X only B-X and I-X
		for p := range T {
			f := &tr.from[p]
			b[p] = max(f[0]+c[0], f[1]+c[1], f[3]+c[3], f[5]+c[5])
		}
		b[1] = max(b[1], tr.from[1][2]+c[2])
		b[2] = max(b[2], tr.from[2][2]+c[2])
		b[3] = max(b[3], tr.from[3][4]+c[4])
		b[4] = max(b[4], tr.from[4][4]+c[4])
		b[5] = max(b[5], tr.from[5][6]+c[6])
		b[6] = max(b[6], tr.from[6][6]+c[6])
	}
	s.margin = grow(s.margin, n)[:n]
	clear(s.margin[:lo])
	for i := lo; i < n; i++ {
		tag := int(s.tags[i])
		a, b := (*[T]int32)(alpha[i*T:]), (*[T]int32)(beta[i*T:])
		top, other := int32(0), int32(math.MinInt32)
		for t := range T {
			v := a[t] + b[t]
			if t == tag {
				top = v
			} else {
				other = max(other, v)
			}
		}
		s.margin[i] = float32(top - other)
	}
}

// decodeSegments decodes a sentence whose tokens outside s.act are taken
// to be outside every name (tagged O), and whose emission scores are only
// those of the tokens in s.act (emitFast). Each run of active tokens is
// decoded on its own: the transition from the O before it replaces the
// start's, and the transition into the O after it is added to its last
// token's scores, so each run's best tags and margins are those of the
// whole sentence under the constraint. It returns the spans, with the
// margins of their tokens in s.margin, or false when a run's scores are
// too large for the integer decoder (see exactBound), having changed
// nothing the caller reads but s.iem.
func (m *model) decodeSegments(n int, s *scratch) ([]TokenSpan, bool) {
	const T = 7
	tr := m.itr7
	if tr == nil || m.ntags != T {
		return nil, false
	}
	em := s.iem[:n*T]
	act := s.act[:n]
	// the runs; fold the boundary transitions in, and check every run
	// before decoding any
	s.runs = s.runs[:0]
	for a := 0; a < n; {
		if !act[a] {
			a++
			continue
		}
		b := a + 1
		for b < n && act[b] {
			b++
		}
		if a > 0 {
			row := (*[T]int32)(em[a*T:])
			for t := range T {
				row[t] += tr.from[0][t] - tr.from[T][t] // both negBig for the I tags
			}
		}
		if b < n {
			row := (*[T]int32)(em[(b-1)*T:])
			for t := range T {
				row[t] += tr.from[t][0]
			}
		}
		// the folded transitions add at most 3 maxAbs to a row's magnitude
		if !exactBound(em[a*T:b*T], b-a, tr, m.fast.tokMax+3*tr.maxAbs) {
			return nil, false
		}
		s.runs = append(s.runs, [2]int32{int32(a), int32(b)})
		a = b
	}
	s.segTags = grow(s.segTags, n)[:n]
	s.segMargin = grow(s.segMargin, n)[:n]
	clear(s.segTags)
	clear(s.segMargin)
	for _, r := range s.runs {
		a, b := int(r[0]), int(r[1])
		rows, l := em[a*T:b*T], b-a
		if allO(rows, l, tr) {
			continue
		}
		viterbiInt7(rows, l, tr, s)
		copy(s.segTags[a:b], s.tags[:l])
		if lo := slices.IndexFunc(s.tags[:l], func(t uint8) bool { return t != 0 }); lo >= 0 {
			marginsInt7(rows, l, lo, tr, s)
			copy(s.segMargin[a:b], s.margin[:l])
		}
	}
	s.spans = m.appendSpans(s.spans[:0], s.segTags)
	s.margin, s.segMargin = s.segMargin, s.margin
	return s.spans, true
}
