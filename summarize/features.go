package summarize

import (
	"math"
	"strings"
	"unicode"
	"unicode/utf8"

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
	return s.model(in).features(s.lexK)
}

func (m *model) features(lexK int) [][]float64 {
	n := m.n
	sal := m.salience()
	ms := maxOf(sal)
	lex := m.lexRank(lexK)
	flat := make([]float64, n*numFeatures)
	out := make([][]float64, n)
	m.scatter(0)
	for i := 0; i < n; i++ {
		x := flat[i*numFeatures : (i+1)*numFeatures : (i+1)*numFeatures]
		out[i] = x
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
		se := m.in.Sentences[i]
		x[14] = b2f(strings.ContainsAny(se.Text, "\"“”„«»"))
		r, _ := utf8.DecodeRuneInString(se.Text)
		x[15] = b2f(strings.ContainsRune("\"“”„«»'‘’", r))
		x[16] = b2f(strings.ContainsRune(se.Text, ':'))
		nums, caps := 0, 0
		for j, t := range se.Tokens {
			if t.Kind == tokenize.Number {
				nums++
			}
			if j > 0 && t.Kind == tokenize.Word {
				if r, _ := utf8.DecodeRuneInString(t.Text); unicode.IsUpper(r) {
					caps++
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
	}
	m.unscatter(0)
	return out
}

func b2f(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

// learnedScores is the Learned method: the logistic function of the
// weighted features.
func (m *model) learnedScores(w *Weights, lexK int) []float64 {
	x := m.features(lexK)
	out := make([]float64, m.n)
	for i, xi := range x {
		out[i] = 1 / (1 + math.Exp(-w.Score(xi)))
	}
	return out
}
