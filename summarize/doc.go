//go:generate go run ./internal/gensum -data ../../shared/data/indosum/indosum-dev.jsonl -out .

// Package summarize picks the most informative sentences of an Indonesian
// news text (an extractive summary) and names its keywords.
//
// Build a [Summarizer] once with [New] and give it texts prepared by
// [Summarizer.Prepare] (or an [Input] built from the pipeline's own tokens,
// stems and stopword flags: the summariser never tokenizes again what it is
// given). [Summarizer.Summarize] returns the chosen sentences in text order;
// the [Length] says how many: [Sentences](n), a [Ratio] of the text's
// sentences, or a word budget ([Words]). [Summarizer.Keywords] returns the
// keywords and keyphrases, best first.
//
//	s, _ := summarize.New()
//	in := s.Prepare(text)
//	for _, se := range s.Summarize(in, summarize.Sentences(3)) {
//		fmt.Println(se.Index, se.Text)
//	}
//
// # Terms and TF-IDF
//
// A sentence is a vector over terms: the stems (package stem) of its word
// tokens (package tokenize) that are not stopwords, with at least two runes
// and a letter. Names are not stemmed but only lower-cased
// ([stem.Stemmer.StemName]), so that Bekasi stays bekasi and does not count
// as bekas "former": [Summarizer.Prepare], and the filling of missing
// stems, take a word for a name when it is capitalised where it does not
// start its sentence or a clause (after an opening quote, a colon, a
// bracket or a dash). This is the rule of the root package kabar, which
// also protects the words of person, organisation and place mentions, and
// the embedded IDF table and weights were learned with it, so that the
// pipeline looks its stems up in the table's term space.
// [WithoutNameProtection] stems every word.
//
// A term's weight is its count in the sentence times its inverse document
// frequency idf(t) = ln((N+1)/(df(t)+1)) + 1, where df
// comes from an [IDF] table learned from N news articles, so that a text is
// scored against what is common in news and not only against itself
// (Sparck Jones 1972; Salton & Buckley 1988). Vectors are L2-normalised and
// compared by cosine similarity; they are sparse (term ids and weights, one
// flat slice per text) with a dense scratch vector over the text's terms.
//
// # Methods
//
// [Learned] (the default) scores each sentence by a small model over
// sentence features ([FeatureNames]): position (index, paragraph, first of
// its paragraph, distance to the end), length, TF-IDF salience in the
// manner of Luhn (1958) (the sum of the text-level tf·idf of the sentence's
// terms over the square root of their number), cosine similarity to the
// text's tf·idf centroid (Radev et al. 2004) and to the lead, LexRank
// centrality, and surface cues (quotes, colon, question, digits,
// capitalised words, opening pronoun or connective, reporting verb, missing
// final punctuation). The model is a logistic model whose logit is a linear
// function of the features plus eight tanh hidden units ([Weights]); σ(logit)
// is the probability p that the sentence belongs in the summary. Sentences
// are then chosen to maximise the expected ROUGE-1 F1, about
// 2·Σ p·w / (Σ w + R) for a set with w words per sentence and a reference
// of R words, by Dinkelbach's method for fractional objectives (Dinkelbach
// 1967); the expected matches p·w of a sentence are discounted by its
// largest similarity to a sentence already chosen, scaled by 1−λ, which is
// the redundancy penalty of maximal marginal relevance (Carbonell &
// Goldstein 1998).
//
// [TFIDF] scores sentences by a hand-set mix of centroid similarity (0.3),
// salience (0.2), position 1/√(i+1) (0.4) and length (0.1), and picks them by
// maximal marginal relevance, λ·relevance − (1−λ)·max similarity to the
// sentences picked, λ = [DefaultLambda].
//
// [LexRank] scores sentences by their centrality in the graph of sentences
// whose idf-modified cosine similarity is at least 0.1, weighted by the
// similarity (continuous LexRank, Erkan & Radev 2004): the stationary
// distribution of the row-normalised graph with teleport probability 0.15,
// by power iteration with gonum/mat, then MMR as above. The graph costs
// O(k²) for k sentences, so it holds at most [DefaultLexRankLimit] sentences
// ([WithLexRankLimit]): in longer texts the k sentences most similar to the
// centroid (O(n) to find); the others score 0. A 50,000-sentence document
// is summarised in about 0.2 s once prepared (TestLexRankLarge,
// BenchmarkLexRank50k).
//
// [Lead] takes the first sentences, the classic news baseline.
//
// The selection (Learned's and MMR's alike, greedy.go) picks one sentence
// at a time. For a few picks it scans every sentence each time. A summary
// that grows with the text (a [Ratio], a [Words] budget) would take time in
// the square of its sentences that way, so for more than a few picks it
// keeps the sentences in a heap by value and takes a sentence's
// similarities to the sentences picked only when it comes to the top, and
// only to those that share a term with it. It picks the same sentences,
// bit for bit (TestGreedyMatchesReference,
// TestGreedyMatchesReferenceIndoSum). On 1 and 4 MB of IndoSum articles
// joined into one text, a Ratio(0.2) summary by Learned took 1.27 and
// 27.6 s before, 0.08 and 0.45 s after (BenchmarkSummarizeLong).
//
// In every method but Lead, weak sentences — fewer than four words, or a
// line without final punctuation that forms a paragraph of its own
// (headings, page furniture, "Baca juga" links) — are chosen only when no
// other sentence is left. A dateline that the tokenizer split off as a
// sentence of its own (JAKARTA, KOMPAS.com –) is never chosen, in any
// method: a summary of a two-sentence article has two sentences, not the
// dateline as a third.
//
// # Why Learned is the default
//
// On the 1,699 articles of the IndoSum development file (Kurniawan & Louvan
// 2018), 3-sentence summaries against the reference summaries, with 5-fold
// cross-validation by article (the IDF table and the weights of each fold
// learned from the other four folds), Learned scores ROUGE-1/2/L F1 70.1 /
// 63.2 / 69.3 against 65.2 / 58.4 / 64.4 for the first three sentences and
// 66.8 / 60.0 / 66.0 for the Lead method (which also leaves datelines out),
// while TF-IDF+MMR (60.9) and LexRank (43.8) fall below the lead: news puts
// its summary first, and only a model that knows position and how it
// interacts with content and form beats the lead. Summarising instead the
// stems the root package's Analyzer gives (names of entity mentions
// protected too), as the pipeline does, Learned scores 70.1 / 63.2 / 69.3
// (kabar eval summarize --pipeline). The README lists the tables; kabar
// eval summarize measures them.
//
// # What was learned from what
//
// The embedded idf.txt and weights.txt are made by internal/gensum (go
// generate) from all 1,699 articles of IndoSum's indosum-dev.jsonl, its
// tokens joined into plain text (spaces between tokens and sentences, blank
// lines between paragraphs) and tokenized and stemmed again by kabar
// ([Summarizer.Prepare], names protected):
//
//   - idf.txt: the number of articles containing each term, for terms seen
//     in at least two articles.
//   - weights.txt: the model fitted by L-BFGS (gonum/optimize) with an L2
//     penalty to IndoSum's gold_labels (the oracle extractive labels; one of
//     our sentences is labelled when more than half of it lies in labelled
//     IndoSum sentences), then the reference length R and λ that maximise
//     ROUGE-1 on the same articles, from small grids.
//
// Because the evaluation uses the same articles, kabar eval summarize
// reports cross-validated numbers: every fold's IDF table, weights, R and λ
// come from the other folds only. The embedded files, learned from all
// articles, are what the package ships; their in-sample score is printed
// apart and is not the claim.
//
// # Keywords
//
// [Summarizer.Keywords] scores terms by tf·idf, so that forms of one stem
// (bantuan, membantu) add up, and phrases — runs of two or three adjacent
// content words seen at least twice (bantuan militer, Tentara Nasional
// Libya) — by their count times the sum of their idfs. A phrase overlapping
// a better phrase is left out, and occurrences inside a chosen phrase no
// longer count for its words. Each keyword is shown in its most frequent
// surface form, lower-cased unless it is mostly written capitalised inside
// sentences (a name or an acronym). Scores are divided by the best, so they
// lie in (0, 1].
//
// # Offsets
//
// [Sentence].Start and End are byte offsets into Input.Text, as the
// tokenizer gave them: Input.Text[Start:End] == Text. Index is the
// sentence's position among Input.Sentences; the summary sentence is that
// sentence's span, or its end after a leading dateline.
//
// # Concurrency
//
// A [Summarizer], an [IDF] table and [Weights] are immutable after
// construction and safe for concurrent use by multiple goroutines; each call
// keeps its state on its own, in working memory that the Summarizer's pool
// (kabar's internal/pool) hands to one call at a time. The embedded table
// and weights are parsed once ([DefaultIDF], [DefaultWeights]) and shared.
//
// # Invalid input and determinism
//
// Summarize and Keywords never fail and never panic: an empty text gives an
// empty summary, a text with fewer sentences than asked gives all of them,
// a text of numbers or punctuation gives its sentences without scoring
// content. Invalid UTF-8 is summarised as the tokenizer splits it. Missing
// or short Stems and Stop slices of an Input are filled by the stemmer.
// Ties are broken by text order, so the output is deterministic. Loading an
// IDF table or weights that are malformed returns an error wrapping
// [ErrBadIDF] or [ErrBadWeights] with the line.
//
// # Data and licences
//
// idf.txt and weights.txt are derived from IndoSum (Kurniawan, K. & Louvan,
// S. 2018. IndoSum: A New Benchmark Dataset for Indonesian Text
// Summarization. IALP 2018), licensed CC BY-SA 4.0; the two files are shared
// under the same licence, as their headers say. The data file itself is not
// part of this module.
//
// # Known limits
//
// The model was fitted to one news aggregator's articles and reference
// summaries of about three sentences; other genres or summary lengths may
// want other weights ([WithWeights], trained with internal/eval/sumeval).
// Position features assume news, where the lead matters. Keyword surface
// forms come from the text, so a stem seen only at sentence starts is shown
// in lower case. LexRank on more than [DefaultLexRankLimit] sentences only
// ranks those nearest the centroid.
//
// # References
//
//   - Carbonell, J. & Goldstein, J. 1998. The use of MMR, diversity-based
//     reranking for reordering documents and producing summaries. SIGIR.
//   - Dinkelbach, W. 1967. On nonlinear fractional programming. Management
//     Science 13(7).
//   - Erkan, G. & Radev, D. R. 2004. LexRank: graph-based lexical centrality
//     as salience in text summarization. JAIR 22.
//   - Kurniawan, K. & Louvan, S. 2018. IndoSum: a new benchmark dataset for
//     Indonesian text summarization. IALP.
//   - Lin, C.-Y. 2004. ROUGE: a package for automatic evaluation of
//     summaries. ACL workshop Text Summarization Branches Out.
//   - Luhn, H. P. 1958. The automatic creation of literature abstracts. IBM
//     Journal of Research and Development 2(2).
//   - Radev, D. R., Jing, H., Styś, M. & Tam, D. 2004. Centroid-based
//     summarization of multiple documents. Information Processing and
//     Management 40.
//   - Salton, G. & Buckley, C. 1988. Term-weighting approaches in automatic
//     text retrieval. Information Processing and Management 24(5).
//   - Sparck Jones, K. 1972. A statistical interpretation of term specificity
//     and its application in retrieval. Journal of Documentation 28(1).
package summarize
