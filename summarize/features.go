package summarize

import (
	"math"
	"unicode/utf8"

	"github.com/kabar-id/kabar/internal/names"
	"github.com/kabar-id/kabar/tokenize"
)

// featureNames lists the sentence features of the Learned method, in the
// order of the vectors returned by Summarizer.Features.
var featureNames = []string{
	"pos_inv",       // 1/(i+1), i the sentence index
	"pos_0",         // first sentence
	"pos_1",         // second sentence
	"pos_2",         // third sentence
	"pos_rel",       // i/(n-1)
	"para_inv",      // 1/(p+1), p the paragraph index
	"para_first",    // first sentence of its paragraph
	"len_log",       // ln(1+words)
	"len_short",     // fewer than 6 words
	"len_long",      // more than 40 words
	"centroid",      // cosine similarity to the text's tf·idf centroid
	"salience",      // tf·idf salience, divided by the text's maximum
	"lexrank",       // LexRank centrality (mean 1 over the graph)
	"sim_first",     // cosine similarity to the first sentence
	"quote",         // has a quotation mark
	"quote_start",   // starts with a quotation mark
	"colon",         // has a colon ("Baca juga:", dialogue)
	"digits",        // share of number tokens among tokens
	"question",      // ends with ? or !
	"names",         // share of capitalised words after the first token
	"content_ratio", // share of content words among words
	"pos_3",         // fourth sentence
	"pos_4",         // fifth sentence
	"para_0",        // in the first paragraph
	"para_1",        // in the second paragraph
	"len_pos0",      // ln(1+words) of the first sentence (0 elsewhere)
	"sim_lead",      // cosine similarity to the sum of the first three sentences
	"len_10",        // 6 to 10 words
	"len_15",        // 11 to 15 words
	"len_20",        // 16 to 20 words
	"len_30",        // 21 to 30 words
	"len_pos1",      // ln(1+words) of the second sentence (0 elsewhere)
	"len_pos2",      // ln(1+words) of the third sentence (0 elsewhere)
	"dateline",      // has a dash or double dash among its first eight tokens (JAKARTA, KOMPAS.com - …)
	"pos_inv_cent",  // pos_inv × centroid
	"no_terminal",   // does not end with . ! ? or a closing quote (headings, page furniture, "Baca juga" lines)
	"starts_pron",   // starts with a pronoun or demonstrative (Dia, Ia, Mereka, Hal itu): leans on an earlier sentence
	"starts_conn",   // starts with a connective (Namun, Sementara itu, Selain itu, Sebelumnya)
	"reporting",     // has a reporting verb (kata, ujar, ucap, tutur, jelas, ungkap)
	"para_len",      // ln(1+sentences in the paragraph)
	"pos_end_inv",   // 1/(n−i): closeness to the end of the text
	"doc_len",       // ln(1+n), n the number of sentences of the text
}

// Closed word lists of the starts_pron, starts_conn and reporting
// features, as switches: faster than map lookups for every word.

func pronounStart(w []byte) bool {
	switch string(w) {
	case "dia", "ia", "mereka", "beliau", "kami", "kita", "saya", "aku", "itu", "ini", "hal", "tersebut", "keduanya":
		return true
	}
	return false
}

func connStart(w []byte) bool {
	switch string(w) {
	case "namun", "tetapi", "tapi", "sementara", "selain", "sedangkan", "sebelumnya", "kemudian", "lalu", "bahkan", "meski", "meskipun", "walaupun", "karena", "oleh", "maka", "adapun", "akan", "nah", "jadi":
		return true
	}
	return false
}

// reportInitial reports whether a word starting with byte c may be a
// reporting verb (k, u, t, j, i in either case).
func reportInitial(c byte) bool {
	switch c | 0x20 {
	case 'k', 'u', 't', 'j', 'i':
		return true
	}
	return false
}

func reportVerb(w []byte) bool {
	switch string(w) {
	case "kata", "ujar", "ucap", "tutur", "jelas", "ungkap", "imbuh", "tambah", "terang", "katanya", "ujarnya", "ucapnya", "tuturnya", "jelasnya", "ungkapnya", "imbuhnya", "tambahnya", "terangnya":
		return true
	}
	return false
}

var numFeatures = len(featureNames)

func featureIndex(name string) int {
	for i, n := range featureNames {
		if n == name {
			return i
		}
	}
	return -1
}

// FeatureNames returns the names of the sentence features of the Learned
// method, in the order of Summarizer.Features.
func FeatureNames() []string { return append([]string(nil), featureNames...) }

// Features returns the feature vector of each sentence of in, in the order
// of FeatureNames. It is what the Learned method scores, exported for
// training weights (see Weights).
func (s *Summarizer) Features(in Input) [][]float64 {
	if len(in.Sentences) == 0 {
		return nil
	}
	w := s.getScratch()
	defer s.putScratch(w)
	return newModel(&in, s.index(&in, w), w).features(s.lexK)
}

func (m *model) features(lexK int) [][]float64 {
	flat := make([]float64, m.n*numFeatures)
	out := make([][]float64, m.n)
	m.featureRows(lexK, func(i int, x []float64) {
		out[i] = flat[i*numFeatures : (i+1)*numFeatures : (i+1)*numFeatures]
		copy(out[i], x)
	})
	return out
}

// featureRows calls row with the feature vector of each sentence in turn,
// in one buffer that it reuses.
func (m *model) featureRows(lexK int, row func(i int, x []float64)) {
	n := m.n
	sal := m.salience()
	ms := maxOf(sal)
	lex := m.lexRank(lexK)
	// Similarity to the lead: the sum of the first three sentence vectors.
	simLead := m.w.f64.make(n, n)
	lead := min(3, n)
	norm := 0.0
	for i := 0; i < lead; i++ {
		m.scatter(i)
	}
	for _, v := range m.scratch {
		norm += v * v
	}
	if norm > 0 {
		norm = 1 / math.Sqrt(norm)
		for i := 0; i < n; i++ {
			simLead[i] = m.gather(i) * norm
		}
	}
	clear(m.scratch)
	plen := m.w.ints.make(m.para[n-1]+1, m.para[n-1]+1)
	for i := 0; i < n; i++ {
		plen[m.para[i]]++
	}
	x := m.w.f64.make(numFeatures, numFeatures)
	m.scatter(0)
	for i := 0; i < n; i++ {
		clear(x)
		x[0] = 1 / float64(i+1)
		x[1] = b2f(i == 0)
		x[2] = b2f(i == 1)
		x[3] = b2f(i == 2)
		if n > 1 {
			x[4] = float64(i) / float64(n-1)
		}
		x[5] = 1 / float64(m.para[i]+1)
		x[6] = b2f(m.paraPos[i] == 0)
		w := m.words[i]
		x[7] = math.Log1p(float64(w))
		x[8] = b2f(w < 6)
		x[9] = b2f(w > 40)
		x[10] = m.centSim[i]
		if ms > 0 {
			x[11] = sal[i] / ms
		}
		x[12] = lex[i]
		if i == 0 {
			x[13] = 1
		} else {
			x[13] = m.gather(i)
		}
		se := &m.in.Sentences[i]
		nums, caps := 0, 0
		for j := range se.Tokens {
			t := &se.Tokens[j]
			switch t.Kind {
			case tokenize.Number:
				nums++
			case tokenize.Word:
				if j > 0 && names.Capitalised(t.Text) {
					caps++
				}
				// The word lists: starts_pron and starts_conn for the
				// first word (after an opening quote), reporting for
				// words of 4 to 9 letters.
				first := j == 0 || (j == 1 && x[15] == 1)
				if !first && (len(t.Text) < 4 || len(t.Text) > 9 || !reportInitial(t.Text[0])) {
					break
				}
				var buf [16]byte
				lw, ok := lowerASCII(buf[:], t.Text)
				if !ok {
					break // not a short ASCII word: in none of the lists
				}
				if first {
					x[36] = b2f(pronounStart(lw))
					x[37] = b2f(connStart(lw))
				}
				if reportVerb(lw) {
					x[38] = 1
				}
			default:
				r, _ := utf8.DecodeRuneInString(t.Text)
				switch r {
				case '"', '“', '”', '„', '«', '»':
					x[14] = 1
					if j == 0 {
						x[15] = 1
					}
				case '\'', '‘', '’':
					if j == 0 {
						x[15] = 1
					}
				case ':':
					x[16] = 1
				}
			}
		}
		if len(se.Tokens) > 0 {
			x[17] = float64(nums) / float64(len(se.Tokens))
			last := se.Tokens[len(se.Tokens)-1].Text
			x[18] = b2f(last == "?" || last == "!")
		}
		if w > 0 {
			x[19] = float64(caps) / float64(w)
			x[20] = float64(m.start[i+1]-m.start[i]) / float64(w)
		}
		x[21] = b2f(i == 3)
		x[22] = b2f(i == 4)
		x[23] = b2f(m.para[i] == 0)
		x[24] = b2f(m.para[i] == 1)
		if i == 0 {
			x[25] = x[7]
		}
		x[27] = b2f(w >= 6 && w <= 10)
		x[28] = b2f(w >= 11 && w <= 15)
		x[29] = b2f(w >= 16 && w <= 20)
		x[30] = b2f(w >= 21 && w <= 30)
		if i == 1 {
			x[31] = x[7]
		}
		if i == 2 {
			x[32] = x[7]
		}
		for j, t := range se.Tokens[:min(8, len(se.Tokens))] {
			if j > 0 && (t.Text == "-" || t.Text == "--" || t.Text == "–" || t.Text == "—") {
				x[33] = 1
			}
		}
		x[34] = x[0] * x[10]
		x[35] = b2f(!terminal(*se))
		x[26] = simLead[i]
		x[39] = math.Log1p(float64(plen[m.para[i]]))
		x[40] = 1 / float64(n-i)
		x[41] = math.Log1p(float64(n))
		row(i, x)
	}
	m.unscatter(0)
}

// lowerASCII lower-cases an ASCII word of at most len(buf) bytes into buf.
func lowerASCII(buf []byte, w string) ([]byte, bool) {
	if len(w) > len(buf) {
		return nil, false
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= 0x80 {
			return nil, false
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return buf[:len(w)], true
}

func b2f(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

// learnedScores is the Learned method: the logistic function of the
// model's logit, the probability that the sentence is in the summary.
func (m *model) learnedScores(w *Weights, lexK int) []float64 {
	out := m.w.f64.make(m.n, m.n)
	nz := m.w.ints.make(0, numFeatures)
	m.featureRows(lexK, func(i int, x []float64) {
		nz = nz[:0]
		for f, v := range x[:min(len(x), len(w.w))] {
			if v != 0 {
				nz = append(nz, f)
			}
		}
		out[i] = 1 / (1 + math.Exp(-w.scoreNonzero(x, nz)))
	})
	return out
}
