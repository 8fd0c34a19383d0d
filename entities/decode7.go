package entities

import "math"

// viterbi7 and margins7 are viterbi and margins for the models of three
// entity types (7 tags, as the embedded one), over fixed-size arrays so
// that the compiler drops the bounds checks. They compute the same
// expressions in the same order, so the results are identical
// (TestDecode7 compares them).

// tr7 is a model's transition scores with the BIO constraint folded in
// (foldTrans), the start row last.
type tr7 [8][7]float32

func foldTrans7(trans []int32) *tr7 {
	var s scratch
	tr := foldTrans(7, trans, &s)
	var out tr7
	for p := range 8 {
		copy(out[p][:], tr[p*7:p*7+7])
	}
	return &out
}

// oTags are O and the B tags: any tag may precede them.
var oTags = [4]int{0, 1, 3, 5}

// viterbi7 is viterbi for 7 tags with folded transitions tr.
func viterbi7(em []float32, n int, tr *tr7, s *scratch) {
	const T = 7
	if cap(s.back) < n*T {
		s.back = make([]uint8, n*T)
	}
	back := s.back[:n*T]
	if cap(s.tags) < n {
		s.tags = make([]uint8, n)
	}
	s.tags = s.tags[:n]
	if cap(s.alpha) < 2*n*T {
		s.alpha = make([]float32, 2*n*T)
	}
	if n == 0 {
		return
	}
	alpha := s.alpha[:n*T]
	negInf := float32(math.Inf(-1))
	a0, e0 := (*[T]float32)(alpha), (*[T]float32)(em)
	for t := range T {
		a0[t] = e0[t] + tr[T][t]
	}
	for i := 1; i < n; i++ {
		prev := (*[T]float32)(alpha[(i-1)*T:])
		cur := (*[T]float32)(alpha[i*T:])
		row := (*[T]float32)(em[i*T:])
		bk := (*[T]uint8)(back[i*T:])
		for _, t := range oTags {
			best, arg := negInf, 0
			for p, pv := range prev {
				if v := pv + tr[p][t]; v > best {
					best, arg = v, p
				}
			}
			cur[t] = best + row[t]
			bk[t] = uint8(arg)
		}
		for t := 2; t < T; t += 2 {
			// I-X continues only B-X (t-1) or I-X (t)
			best, arg := negInf, 0
			if v := prev[t-1] + tr[t-1][t]; v > best {
				best, arg = v, t-1
			}
			if v := prev[t] + tr[t][t]; v > best {
				best, arg = v, t
			}
			cur[t] = best + row[t]
			bk[t] = uint8(arg)
		}
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
	negInf := float32(math.Inf(-1))
	alpha, beta := s.alpha[:n*T], s.alpha[n*T:2*n*T]
	last := (*[T]float32)(beta[(n-1)*T:])
	*last = [T]float32{}
	for i := n - 2; i >= lo; i-- {
		next := (*[T]float32)(em[(i+1)*T:])
		nb := (*[T]float32)(beta[(i+1)*T:])
		b := (*[T]float32)(beta[i*T:])
		for p := range T {
			// O and every B-X may follow any tag; I-X only B-X and I-X
			best := tr[p][0] + next[0] + nb[0]
			best = max(best, tr[p][1]+next[1]+nb[1])
			best = max(best, tr[p][3]+next[3]+nb[3])
			best = max(best, tr[p][5]+next[5]+nb[5])
			if p > 0 {
				t := (p + p%2) & 7 // the I tag of p's type
				best = max(best, tr[p][t]+next[t]+nb[t])
			}
			b[p] = best
		}
	}
	if cap(s.margin) < n {
		s.margin = make([]float32, n)
	}
	s.margin = s.margin[:n]
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
