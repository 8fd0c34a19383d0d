// Package entities recognises named entities in Indonesian news text:
// people (PER), organisations (ORG) and places (LOC) with a trained
// statistical sequence labeller, and dates (DATE), times (TIME), amounts of
// money (MONEY), percentages (PERCENT) and quantities (QUANTITY) with rules.
//
//	r, err := entities.New()               // the embedded model; build once, share
//	ms := r.Recognize(text, tokenize.Sentences(text))
//	groups := entities.GroupDocument(text, ms) // "who is this article about"
//
// # Algorithm
//
// The labeller is an averaged structured perceptron (Collins 2002) over BIO
// tags with first-order transitions, decoded by Viterbi with the BIO
// constraint (I-X only after B-X or I-X). Training runs it five times, each
// time over the examples in another random order and with the case-changed
// copies (below) of another third of the sentences, and keeps the mean of
// the five averaged weight vectors. Over ten seeds (entities/seeds.sh) the
// mean of five scored higher on average than one run on every evaluation
// set below, by 0.3 to 1.8 points of F1, with 11 % fewer features.
//
// Each token has about 30 hashed features: the lower-cased word and its
// neighbours at ±1 and ±2 (so that Presiden, Menteri, kota, PT, di, dari
// act as cues), word bigrams, the word shape (Xx, X, d.d) and that of the
// neighbours, the capitalisation pattern of the window, prefixes and
// suffixes, the position in the sentence, the membership of a place
// gazetteer, and the word's distributional class and capitalisation prior
// (below). Shape features are conjoined with the
// sentence's case mode — mixed, all upper case (headlines) or all lower case
// — and each training run adds lower- and upper-case copies of a third of
// the sentences, so that the model also works without case.
//
// The corpora are combined with the feature augmentation of Daumé (2007),
// "Frustratingly easy domain adaptation": sentences of the auxiliary corpora
// get a second, corpus-specific copy of every feature that absorbs their
// annotation conventions and is dropped from the shipped model, whose
// weights then follow idner-news-2k's conventions.
//
// Word classes come from unlabelled text (package internal/wordclass):
// words are described by their left and right neighbours weighted by PPMI,
// clustered by spherical k-means into 256 fine and 16 coarse classes, a
// cheap stand-in for Brown clusters (Ratinov & Roth 2009). The
// capitalisation prior is the share of a word's occurrences, not first in a
// sentence, that are capitalised; it lets the model tell names from common
// words in text without case.
//
// After the model, post-processing fits real news: titles and ranks are
// removed from the front of a person's name (Presiden Joko Widodo → Joko
// Widodo, AKBP Hanny Hidayat → Hanny Hidayat) and a title alone (Kabid) is
// no person,
// particles join a name (Osama bin Laden, Bashar al-Assad), an abbreviation
// in brackets joins the organisation before it (Tentara Nasional Libya (LNA),
// as the corpora annotate it), function words and personal pronouns never
// start or end a mention (never "Rusia yang"; a capitalised Anda or Beliau
// is never a mention), a lower-case negara or ibukota does not start a
// place (di negara Libya → Libya; the corpora leave it out 59 times in 60),
// mentions with unbalanced brackets are dropped, and in text with capitals
// a mention needs one. A person named exactly like a place of the
// gazetteer or of data/placenames.txt (short forms and other names: Korut,
// Jabar, Jaksel, Inggris, Afghanistan) is that place (the corpora label 40
// of their 5,155 such mentions PER, seemingly by mistake); so is an
// organisation named exactly like a country, a province (a place of the
// gazetteer that data/cities.txt does not list) or a place of
// data/placenames.txt (Indonesia kalah dari Myanmar; 36 of the 3,676 such
// mentions of the corpora are ORG), while a club named after its city
// (Madrid) stays an organisation. A person
// named exactly like an organisation that the training corpora label ORG
// at least twice and PER never (data/orgnames.txt: Microsoft, Juventus) is
// that organisation (9 of the 3,682 such mentions of all the corpora are
// PER). A document-level pass (after
// Krishnan & Manning 2006, in a cheap form) then finds the other occurrences
// of names recognised elsewhere in the document, including a person's
// surname alone (Khalifa Haftar … Haftar; not one that names a place or
// an organisation: Movistar Yamaha … Yamaha), gives every occurrence of a name
// its majority label, and recognises capitalised gazetteer places in a place
// context (after di, ke, dari, kota, negara; coordinated with another place).
// A surname stands for the person wherever it stands alone, whatever the
// model made of it there (Wayne Rooney … Rooney, which the model often
// takes for a club), when the full name is written as a name (no word in
// lower case or known as mostly lower-case: not Gantian Arema) and no
// organisation or place of the document has it among its words (Dhika
// Bhayangkara … Bhayangkara FC); otherwise its mentions keep the majority.
// So does a name of the document written after a person's name and alias
// (Setya Novanto alias Setnov), as 35 of the 36 such names in the corpora.
//
// The rules re-read each sentence with a lexer of their own, so that they
// do not depend on how the tokenizer splits 29/11 or Rp1,5, and widen each
// match to whole tokens: day names with a date in brackets (Selasa (29/11)),
// day–month–year dates, month and year, tahun 2011, relative periods (awal
// tahun ini, tahun lalu), English page dates (Sat, Apr 8, 2023), clock times
// with a zone or after pukul (10.30 WIB), currency before or after a number
// with a scale word (Rp 1,5 triliun, US$3 juta, 5 miliar rupiah), percent
// (12,5 persen, 12%) and numbers with a unit (1.300 km, 6 juta jiwa). A
// token that the tokenizer calls a URL and that is a bare host name
// (KOMPAS.com, DailySocial.id) is an organisation, the outlet, unless a
// longer ORG of the model holds it (CNN Indonesia.com). The
// rules' mentions win over the model's where they overlap; gazetteer names
// given with [WithGazetteer] win over both. [GroupMentions] groups mentions
// by entity: same text, surname to full name, abbreviation to expansion
// (initials, a bracketed abbreviation, or a short form of a place given in
// data/placenames.txt: Korut → Korea Utara). [GroupDocument] also joins a
// person's alias, written after the name and "alias" in the text, to the
// name (Basuki Tjahaja Purnama alias Ahok … Ahok); the root package's
// Analyzer and the kabar command use it.
//
// Mention.Score is a confidence between 0 and 1. For the model's mentions
// it is 1/(1+exp(−(m−512)/1024)), m being the smallest max-marginal margin
// of the mention's tokens (the best tag sequence's score minus the best one
// with another tag there, from forward and backward Viterbi passes, in units
// of 1/64 of a perceptron update); the constants were fitted by log loss on
// idner-news-2k.dev (0.26, against 0.38 for a constant; 0.23 with the
// current model, for which they are still the best of the grid: go test
// -run Calibrate ./entities -args -calibrate). Other occurrences
// found by the document pass take the best score of their name, gazetteer
// places found by it 0.5; rules and user gazetteers give 1.
//
// # Model, data and licences
//
// The embedded model (model/id-news.kner, about 1.3 MB) was trained by
//
//	go run ./examples/kabar entities train \
//	  -train ../shared/data/ner/idner-news-2k.train.tsv,../shared/data/ner/nerui.all.tsv@train,../shared/data/ner/nergrit.train.tsv,../shared/data/ner/nerugm.all.tsv@train \
//	  -dev ../shared/data/ner/idner-news-2k.dev.tsv -o entities/model/id-news.kner
//
// which takes seconds and is deterministic (.ci/checks.d/30-entities.sh
// checks that it reproduces the same bytes, and that the generators below
// reproduce the word classes and the gazetteer). @train keeps the nine tenths of
// a corpus whose sentence index is not a multiple of 10; the other tenth is
// held out for evaluation. The training data:
//
//   - idner-news-2k (Khairunnisa et al. 2020; news; MIT licence), the target
//     domain: PER, ORG, LOC;
//   - NER-UI and NER-UGM (news, distributed with IndoLEM, Koto et al. 2020),
//     PERSON, ORGANIZATION, LOCATION; NER-UGM's TIME and QUANTITY are not
//     used;
//   - NERGRIT (encyclopedic; distributed with IndoNLU, Apache-2.0; "can be
//     used both for learning or commercially", its contributors credited in
//     its README), PERSON, PLACE, ORGANISATION.
//
// NERP (all lower case) lowered the score on cased news when added and is
// used for evaluation only. The word classes (data/wordclasses.tsv, made by
// go run ./entities/internal/gen/wordclasses) are derived from IndoSum
// (CC BY-SA 4.0) and the text of the training corpora and are therefore
// CC BY-SA 4.0; the feature gazetteer (data/gazetteer.tsv, made by go run
// ./entities/internal/gen/gazetteer) holds the Indonesian country names of
// ISO 3166-1 and the provinces of ISO 3166-2:ID from Debian's iso-codes
// (LGPL-2.1+) and a hand-written list of capitals and large cities. Both are
// copied into the model file. [Recognizer.Info] returns the model's own
// description, with its dev score. The place names of
// data/placenames.txt, the cities of data/cities.txt (which the gazetteer
// generator reads too) and the titles of data/titles.txt (all embedded)
// are written for kabar (MIT) and used by post-processing only, as are the organisation names of data/orgnames.txt
// (embedded), made by go run ./entities/internal/gen/orgnames from the
// training data above and under its licences.
//
// Scores (go run ./examples/kabar eval entities; entity-level micro F1,
// exact span and type, PER/ORG/LOC, model plus rules and post-processing on
// the corpora's own tokens): idner-news-2k.dev 89.6, NER-UI held-out tenth
// 83.6, NER-UGM held-out tenth 78.4, NERGRIT valid 68.6, NERP valid (lower
// case) 60.0; idner-news-2k.dev in capitals 83.0, in lower case 82.7.
//
// # Model format
//
// A model file is "KABARNER", a format version (1), the feature template
// version, the description, the entity types, the transition weights, the
// hashed feature keys (delta-coded, ascending) with their non-zero weights
// per tag (zig-zag varints, in units of 1/64 of a perceptron update), the
// word class table and the gazetteer, and a CRC-32 of all of it. [Load]
// rejects any file that is not such a model, is truncated or corrupt, or
// has another version, with an error wrapping [ErrBadModel]; it never
// panics (FuzzLoad). Train your own with `kabar entities train` (any label
// set mapped onto kabar's labels with -map) or [Train], load it with [Load].
//
// # Speed
//
// Load lays the model out for lookups: one open-addressing table from
// feature key to a dense row of per-tag weights, and sums of weights built
// ahead (fast.go): per word of the model's lexicon, the weights of the
// features that look only at that word (its own word, prefixes, suffixes
// and class, and the word as a neighbour at ±1 and ±2), and tables for the
// features with few possible keys (case mode, capitalisation, length,
// classes, priors, the capitalisation pattern of the window). Recognize
// keeps a table of the document's words, so that each distinct word is
// looked at once per call; per token only the features of two adjacent
// words (the bigrams, the previous word with this word's shape) are looked
// up. Weights are summed in int32 and Viterbi and the margins run in int32
// when a sentence's scores are small enough for float32 to be exact (below
// 2^24), which gives the same tags, ties and scores as float32 arithmetic
// (the embedded model's weights are below 3,000); a sentence for which a
// bound on the forward scores shows that Viterbi would tag every token O
// skips it (allO). A model whose weights are too large for exact int32
// sums takes the reference path, feature by feature, that training uses.
// TestFastEmissions, TestDecode7, TestDecodeInt7, TestAllO,
// TestSentenceItems, TestReferencePath, TestFastPathOtherModels and
// FuzzRecognize check that the paths agree.
//
// In a sentence with both cases, a token that has no capital and is not
// next to a word that has one (also across a hyphen: Son Wan - ho) is
// taken to be outside every name, in both paths. In the corpora's
// sentences with both cases, 257 of the 28,166 tokens inside names are
// such tokens (0.9 %: names written in lower case, words broken by a bad
// encoding), and half of all tokens are (TestNamesNearCapitals in
// internal/eval/nereval). The fast path computes no scores for
// them and decodes each run of the other tokens on its own, the
// transitions from and into the O around it folded into its end tokens'
// scores, which gives the tags and margins of the whole sentence under
// the constraint (TestDecodeSegments). On the evaluation sets below, the
// constraint changed one score, NER-UGM's F1 from 78.4 to 78.6; over the
// bench corpus, 34 of 46,801 mentions changed, mostly names that the model
// had extended over lower-case words (pangkalan udara Jarrah), and the
// whole pipeline took 9 % fewer instructions (bench/instructions.sh) and
// ran 4 to 10 % faster in alternating runs (bench/abtest.sh, medians of
// the per-pair ratios in four runs of 12 or 16 pairs).
// BenchmarkRecognizeIndoSum measures Recognize on 1 MB of distinct IndoSum
// articles, one call per article; BenchmarkRecognize repeats one article,
// so that most words are already in the call's word table.
//
// # Offsets
//
// Mention.Start and Mention.End are byte offsets into the text given to
// [Recognizer.Recognize]: text[Start:End] == Text, always. Mentions are in
// text order, never overlap, and start and end on token boundaries.
//
// # Concurrency
//
// A [Recognizer] is immutable after New or Load and safe for concurrent use
// by multiple goroutines; per-call buffers come from the Recognizer's pool (kabar's
// internal/pool, which unlike sync.Pool keeps them across garbage
// collections, at most twice GOMAXPROCS of them) and drop
// their references to the text when the call returns. The fast path's word
// table (each distinct word, copied, with its summed weights) stays in the
// pooled buffers from one call to the next, since an entry depends only on
// the word and the model: common words are looked up once, not once per
// document. When it grows past 16,384 words, the half used by the most
// calls is kept. The embedded model is decoded and laid out once, on first use
// (about 35 ms of CPU, BenchmarkLoad).
//
// # Invalid input
//
// Recognize never fails and never panics. Sentences whose tokens do not
// slice back to the text are skipped. Invalid UTF-8 passes through as
// tokens the model will not label. Time is linear in the text's length.
//
// # Known limits
//
// The corpora's conventions rule. idner-news-2k tags O a place that
// stands for its state or government (Israel menyerang …, Libya akan …) or
// modifies a noun (Warga Tripoli, pasukan Iran), so the model leaves such
// names unlabelled, and so it misses Tripoli in the seed article's "Hanya
// Tripoli yang pemerintahannya mendapatkan dukungan dari PBB", while
// NER-UI, NER-UGM and NERGRIT tag most of them LOC. Labelling as LOC every
// capitalised gazetteer place that the model leaves unlabelled would cost
// 3 F1 on idner-news-2k.dev (of 42 such names there, 1 is a LOC) and gain
// 0.4–1.4 on the other three (go test -v -run TestPlacesLeftO
// ./internal/eval/nereval); it is not done, and the document pass only
// recognises such names after a place cue or beside another place. A
// place's classifier may be part of it (kota Bandung), except negara and
// ibukota. Page furniture in English (Your email address …) can give false
// names. Text without case scores about 7 points lower than cased text. A
// name standing alone keeps the model's label when the document never
// gives the full name or alias it belongs to (Setnov, an organisation to
// the model in most articles that do not write Setya Novanto alias
// Setnov), and a company named by one word is sometimes a person (Tesla,
// Oppo).
package entities
