// Package tokenize splits Indonesian news text into sentences and tokens,
// with byte offsets into the original text.
//
//	for _, s := range tokenize.Sentences(text) {
//		for _, t := range s.Tokens {
//			// text[t.Start:t.End] == t.Text
//		}
//	}
//
// # Algorithm
//
// A hand-written byte-level scanner reads runs of non-space characters,
// with an ASCII fast path over a 256-entry class table, and cuts each run
// into tokens by the first character of the token and a few bounded
// lookaheads, in the manner of a rule-based tokenizer (Grefenstette and
// Tapanainen, "What is a word, what is a sentence?", 1994) rather than a
// regular-expression cascade. The conventions follow the Universal
// Dependencies Indonesian treebanks (GSD v2.9+, CSUI) where they agree and
// the needs of news text where they do not:
//
//   - Words are letters, marks and digits, with apostrophes and joiners
//     between letters (Jum'at, Qur’an). A [Word] may also be an
//     abbreviation with its periods (Dr., dll., S.H.), an initial (P.,
//     D.W.), one-letter abbreviations joined by a slash (s/d, a/n, C/O), a
//     credit rating (idAA-, AA-idn) or an alphanumeric code (4G, CuSO4).
//   - Abbreviations come from the embedded list abbreviations.txt, which
//     users can extend ([WithAbbreviations], [WithAbbreviationClass],
//     [ReadAbbreviations]); an abbreviation is looked up only where a run of
//     letters meets a period.
//   - Numbers keep their separators: 1.500.000, 2,5, 1.500,75, 10.30,
//     10:30, day/month dates 29/11 and 29/11/2023, 23-Agu, decades
//     1990-an. A currency prefix is its own word: Rp1,5 → Rp, 1,5.
//   - Hyphenated words stay one token when they are reduplications (kata
//     ulang): full (faksi-faksi, kupu-kupu), affixed (besar-besaran,
//     sehari-hari, dicita-citakan), reciprocal (tarik-menarik), with a
//     sound change (sayur-mayur, bolak-balik) or listed in
//     reduplications.txt (hiruk-pikuk), optionally followed by a hyphenated
//     clitic (malaikat-malaikat-Nya); also after the bound morphemes anti-,
//     non-, sub-, multi-, kontra- (non-migas), for an acronym with a
//     one-letter variant (APBN-P), for ordinals (ke-18), for two lower-case
//     words (play-off, penyalah-gunaan, profit-taking, which GSD and CSUI
//     both keep whole) and for a lower-case prefix of up to five letters
//     before a capital (se-Indonesia, e-KTP, pasca-Reformasi, as PUEBI
//     spells them). Other compounds are split at the hyphen, as UD
//     Indonesian does (Jakarta - Bandung, Januari - September, pemerintah -
//     DPR).
//   - Clitics stay inside their word (perjuangannya); [Tokenizer.Clitics],
//     [Tokenizer.AppendWords] and [Tokenizer.Words] split syntactic words the
//     way UD Indonesian does (perjuangan + nya, itu + lah, ku + lihat), with
//     the word lists in clitics.txt.
//   - URLs (with a scheme, or a host name ending in a known top-level domain
//     such as KOMPAS.com), e-mail addresses, @mentions, #hashtags and emoji
//     (with variation selectors, skin tones, ZWJ sequences, flags and
//     keycaps; Unicode's Extended_Pictographic property, UTS #51) are one
//     token each.
//   - Every other character is its own [Punct] or [Symbol] token, except
//     the ellipsis "...", the dashes "--" and "---", and TeX-style quotes
//     of two backquotes or two apostrophes.
//
// Sentences are found by a left-to-right state machine over the tokens
// (after Kiss and Strunk's observation that abbreviations, initials and
// ordinal numbers are what makes the period ambiguous, "Unsupervised
// Multilingual Sentence Boundary Detection", 2006, but with rules and lists
// instead of statistics). A sentence ends:
//
//   - after . ? ! … or "..." and any closing quotes or brackets, before a
//     token that can start a sentence (not a lower-case word, a comma or a
//     closing mark), unless the period belongs to a list label at the start
//     of a line ("1. Pendahuluan");
//   - after an abbreviation of class [Final] (dll., No.) before a
//     capitalised word that is not a Roman numeral of I, V and X other
//     than the lone I (No. XXXIII goes on); after one of class [Suffix]
//     (Tbk., S.H., Ph. of "Ph. D.") or an
//     [Initial] only before a word that usually starts a sentence
//     (starters.txt: Dia, Pada, Namun …); never after one of class [Title]
//     (Dr., Jl.);
//   - at a blank line;
//   - at a line break, unless the next line starts with a lower-case word or
//     the line ends with a comma: a line without final punctuation
//     (headline, byline) is its own sentence;
//   - after a dateline at the start of a line: "JAKARTA, KOMPAS.com -",
//     "Jakarta (ANTARA) -".
//
// A sentence end inside a quotation or brackets that close on the same line
// does not count: "Kami siap. Kami menang," katanya. is one sentence, as in
// UD CSUI. Sentence ends fall only between runs, never inside one.
//
// # Offsets
//
// Start and End are byte offsets into the text given to the tokenizer:
// text[t.Start:t.End] == t.Text for every token and sentence, always. Tokens
// never overlap and come in order, and the text between two tokens holds
// only gap characters ([IsGap]: white space, control characters and
// invisible format characters such as U+200B), so tokens and gaps rebuild
// the input. A sentence runs from its first token to its last. [Scanner]
// reports offsets from the start of its stream. [Normalize] returns an
// [OffsetMap] that maps offsets of the normalised text back to the
// original.
//
// # Streaming
//
// [Tokenizer.All] and [Tokenizer.Iterator] do not allocate per token;
// [Tokenizer.AllSentences] reuses one token buffer, and
// [Tokenizer.AppendSentences] appends to the caller's slices, so that a
// caller reusing them from text to text (as kabar's Analyzer does) does
// not allocate once they are large enough. [Tokenizer.NewScanner]
// reads sentences from an io.Reader in bounded memory (the longest sentence,
// [MaxSentenceSize] by default) and yields the same sentences and tokens as
// [Tokenizer.Sentences] on the whole stream; [Tokenizer.SplitSentences] and
// [Tokenizer.SplitTokens] are bufio.SplitFunc values for a bufio.Scanner of
// one's own. Streaming works because every token depends only on its run of
// non-space characters and every sentence decision only on the current
// sentence, the next token and the gap before it.
//
// # Concurrency
//
// A [Tokenizer] is immutable after [New] and safe for concurrent use by
// multiple goroutines; [Default] is built once. An [Iterator] or a
// [Scanner] belongs to one goroutine.
//
// # Invalid input
//
// Analysis never fails and never panics. Each byte that is not part of a
// valid UTF-8 sequence becomes its own [Invalid] token, so offsets stay
// exact and nothing is lost; callers that want to reject or repair such text
// can check utf8.ValidString first (the kabar command reports the offset of
// the first bad byte, or replaces bad bytes with --replace-invalid). NUL and
// other control characters are gaps. Every byte is examined a bounded number
// of times: lookaheads that can run far (e-mail addresses, host names,
// initials) stop at the end of the run and remember how far they failed, so
// time is linear in the input, including a 20 MB line without spaces.
//
// # Data
//
// The embedded lists (abbreviations.txt, clitics.txt, reduplications.txt,
// starters.txt) were written for kabar from Indonesian spelling rules
// (Pedoman Umum Ejaan Bahasa Indonesia) and grammar (Sneddon et al.,
// Indonesian: A Comprehensive Grammar, 2010) and are MIT licensed like the
// rest of kabar. emoji_table.go is generated by gen_emoji.go from Unicode's
// emoji-data.txt (Unicode License v3). The Unicode White_Space, letter,
// mark and number properties come from the Go standard library, NFC from
// golang.org/x/text.
//
// # Accuracy and speed
//
// `kabar eval tokenize` scores tokens, syntactic words and sentences
// against UD Indonesian GSD and CSUI (see internal/eval/tokeneval), and
// `go test -bench . ./tokenize` measures speed; the README lists the
// numbers.
//
// # Known limits
//
//   - The treebanks disagree and the tokenizer picks one side: it keeps the
//     period of abbreviations (Dr., like CSUI and the UD guidelines; GSD
//     splits it off), splits slashes between words and numbers (GSD; CSUI
//     keeps II/2007), keeps English possessives (Lloyd's, like GSD) and the
//     ellipsis "..." whole.
//   - A lower-case word after a period never starts a sentence, so a
//     sentence that starts in lower case is joined to the one before; and a
//     period after an abbreviation stays in the abbreviation's token even
//     when it also ends the sentence ("... dll." is one token).
//   - After an initial or a name suffix (P., Tbk.) a sentence ends only
//     before a listed sentence starter, so "... Steel Corp. Rencana itu"
//     stays one sentence.
//   - Abbreviations match in any case, except that a word of three or
//     more capitals is an acronym, not a title listed with lower-case
//     letters ("merusak KEL. Pada awal …" ends after KEL., which is not
//     Kel., kelurahan; nor is SDN. Sdn.). A two-letter title still matches
//     in capitals (JL. Sudirman), and a title written in capitals in an
//     all-capitals text (KAB. BOGOR) is taken for an acronym.
//   - Hard-wrapped text whose lines end in mid-sentence before a
//     capitalised word is split at those line breaks; lists whose labels are
//     lower-case letters ("a.", "b.") are not recognised after the first.
//   - Clitic splitting uses word lists, not a dictionary, so rare roots that
//     end like a clitic (Osamu) are split.
//   - [Scanner] cuts sentences longer than its buffer, and quotations or
//     brackets nested more than 16 deep on one line may end sentences
//     differently from [Tokenizer.Sentences]. The slice APIs hold all tokens
//     of a text or sentence in memory (40 bytes per token).
package tokenize
