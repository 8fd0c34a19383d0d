// Package tokeneval scores kabar's tokenizer and sentence splitter against
// the Universal Dependencies Indonesian treebanks (GSD, CSUI): tokens F1,
// syntactic words F1 and sentences F1 on documents rebuilt from the
// treebanks' raw `# text` lines.
//
// # Documents
//
// Neither treebank marks documents (no `# newdoc`), and GSD's sentences are
// shuffled, so documents are fixed-size groups of consecutive sentences in
// file order ([DocSize] sentences each). Within a document, the layout
// decides what separates two sentences:
//
//   - [News]: a space after a sentence that ends with . ? ! or … (before any
//     closing quotes or brackets), as in a paragraph of running text, and a
//     line break after any other sentence: in news such lines are headlines,
//     bylines and list headings ("Kisah pendiri Facebook dibuat komik"), which
//     stand on their own line. This is the layout of the targets.
//   - [RunOn]: a space after every sentence, as if the whole document were
//     one paragraph with headlines glued into it: a stress test, since a
//     sentence without final punctuation cannot be told from the next one.
//
// # Scores
//
// Every unit is a byte span of the document. A predicted unit counts as
// correct when a gold unit has exactly the same span. Tokens are UD surface
// tokens (a multiword token such as "perjuangannya" counts once); words are
// UD syntactic words (perjuangan + nya), whose spans come from the surface
// token when the words spell it exactly; sentences are `# text` lines.
//
// # Data
//
// The treebanks live in ../shared/data/ud beside the repository and are
// licensed CC BY-SA 4.0; nothing of them is copied into kabar.
//
// # Artefacts
//
// Some GSD lines hold two or more sentences, and some start in lower case
// (fragments of Wikipedia text). A splitter that follows the rules
// splits the former and joins the latter to the line before, and loses
// points on both. [ArtefactOf] finds such lines with a test that does not
// depend on kabar's rules, and `kabar eval tokenize` reports the scores on
// the other lines beside the full scores, for diagnosis only.
//
// # prose/v2
//
// The same documents and scoring serve the comparison with prose/v2 in the
// separate module bench/ (bench/tokenize), which places prose's tokens and
// sentences, returned without offsets, with [Align].
package tokeneval
