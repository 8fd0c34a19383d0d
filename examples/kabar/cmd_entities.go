package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/kabar-id/kabar"
	"github.com/kabar-id/kabar/entities"
	"github.com/kabar-id/kabar/internal/eval/nereval"
	"github.com/kabar-id/kabar/tokenize"
)

// gazFlags collects repeated --gazetteer LABEL=FILE flags.
type gazFlags []string

func (g *gazFlags) String() string     { return strings.Join(*g, ",") }
func (g *gazFlags) Set(v string) error { *g = append(*g, v); return nil }

// recognizerOptions turns --gazetteer flags into options.
func recognizerOptions(gz gazFlags) ([]entities.Option, error) {
	var opts []entities.Option
	for _, v := range gz {
		lab, file, ok := strings.Cut(v, "=")
		if !ok {
			return nil, fmt.Errorf("--gazetteer %q: want LABEL=FILE", v)
		}
		l, err := entities.ParseLabel(lab)
		if err != nil || l == entities.None {
			return nil, fmt.Errorf("--gazetteer %q: unknown label %q", v, lab)
		}
		b, err := os.ReadFile(file)
		if err != nil {
			return nil, err
		}
		var names []string
		for _, line := range strings.Split(string(b), "\n") {
			line = strings.TrimSpace(line)
			if line != "" && !strings.HasPrefix(line, "#") {
				names = append(names, line)
			}
		}
		opts = append(opts, entities.WithGazetteer(l, names))
	}
	return opts, nil
}

// loadRecognizer returns the recognizer for -model and --gazetteer.
func loadRecognizer(model string, gz gazFlags) (*entities.Recognizer, error) {
	opts, err := recognizerOptions(gz)
	if err != nil {
		return nil, err
	}
	if model == "" {
		return entities.New(opts...)
	}
	f, err := os.Open(model)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	r, err := entities.Load(f, opts...)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", model, err)
	}
	return r, nil
}

func runEntities(e *env, args []string) int {
	if len(args) > 0 && args[0] == "train" {
		return runEntitiesTrain(e, args[1:])
	}
	fs := newFlagSet(e, "entities", "entities [--json|--jsonl] [-model FILE] [--gazetteer LABEL=FILE]... [FILE]\n       kabar entities train -train A.tsv[,B.tsv] [-dev C.tsv] -o model.kner")
	asJSON := fs.Bool("json", false, `print {"entities":[…],"groups":[…]}`)
	asJSONL := fs.Bool("jsonl", false, `read JSONL records {"id","text"}; write one analysis per line`)
	model := fs.String("model", "", "use the model in FILE (from kabar entities train) instead of the embedded one")
	replace := fs.Bool("replace-invalid", false, "replace invalid UTF-8 with U+FFFD instead of failing")
	var gz gazFlags
	fs.Var(&gz, "gazetteer", "LABEL=FILE: always recognise the names in FILE (one per line) as LABEL; repeatable")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return usageError(err)
	}
	rec, err := loadRecognizer(*model, gz)
	if err != nil {
		fmt.Fprintf(e.stderr, "kabar entities: %v\n", err)
		return 1
	}
	if *asJSONL {
		return analyzeJSONL(e, pos, kabar.WithStages(kabar.StageEntities), kabar.WithRecognizer(rec))
	}
	text, err := readText(e, pos, *replace)
	if err != nil {
		fmt.Fprintf(e.stderr, "kabar entities: %v\n", err)
		return 1
	}
	ms := rec.Recognize(text, tokenize.Sentences(text))
	w := bufio.NewWriter(e.stdout)
	defer w.Flush()
	if *asJSON {
		gs := entities.GroupDocument(text, ms)
		if ms == nil {
			ms = []entities.Mention{}
		}
		b, err := json.Marshal(struct {
			Entities []entities.Mention `json:"entities"`
			Groups   []entities.Group   `json:"groups"`
		}{ms, gs})
		if err != nil {
			fmt.Fprintf(e.stderr, "kabar entities: %v\n", err)
			return 1
		}
		w.Write(b)
		w.WriteByte('\n')
		return 0
	}
	for _, m := range ms {
		fmt.Fprintf(w, "%s\t%s\t%d\t%d\n", m.Label, oneLine(m.Text), m.Start, m.End)
	}
	return 0
}

// oneLine replaces line breaks and tabs so that a mention stays on its line.
func oneLine(s string) string {
	return strings.NewReplacer("\n", " ", "\r", " ", "\t", " ").Replace(s)
}

// readCorpora reads comma-separated CoNLL files; FILE@train keeps the
// training fold (sentence index % 10 != 0) and FILE@heldout the held-out
// fold. With domains, each file after the first is an auxiliary domain.
func readCorpora(list string, m map[string]entities.Label, domains bool) ([]entities.Example, error) {
	var out []entities.Example
	for d, p := range strings.Split(list, ",") {
		fold := nereval.All
		if i := strings.LastIndexByte(p, '@'); i >= 0 {
			switch p[i+1:] {
			case "train":
				fold = nereval.Training
			case "heldout":
				fold = nereval.HeldOut
			default:
				return nil, fmt.Errorf("%s: unknown fold %q (want @train or @heldout)", p, p[i+1:])
			}
			p = p[:i]
		}
		f, err := os.Open(p)
		if err != nil {
			return nil, err
		}
		exs, err := entities.ReadCoNLL(f, m)
		f.Close()
		if err != nil {
			return nil, fmt.Errorf("%s: %w", p, err)
		}
		for i, ex := range exs {
			if fold != nereval.All && (i%10 == 0) != (fold == nereval.HeldOut) {
				continue
			}
			if domains && d < 256 {
				ex.Domain = uint8(d)
			}
			out = append(out, ex)
		}
	}
	return out, nil
}

func runEntitiesTrain(e *env, args []string) int {
	fs := newFlagSet(e, "entities train", "entities train -train A.tsv[,B.tsv@train] [-dev C.tsv] -o model.kner")
	train := fs.String("train", "", "comma-separated CoNLL files (token … tag); FILE@train / FILE@heldout select a 9:1 fold")
	dev := fs.String("dev", "", "CoNLL file scored after each epoch and stored in the model info")
	out := fs.String("o", "", "output model file")
	epochs := fs.Int("epochs", 12, "passes over the training data")
	seed := fs.Uint64("seed", 1, "shuffling seed (training is deterministic)")
	runs := fs.Int("runs", 5, "train this many times, with seeds seed, seed+1, …, and average the weights")
	classes := fs.String("classes", "entities/data/wordclasses.tsv", `word class table ("" for none)`)
	gazf := fs.String("features-gazetteer", "entities/data/gazetteer.tsv", `LABEL<TAB>name list used as model features ("" for none)`)
	mapping := fs.String("map", "", "extra label mappings TYPE=LABEL,… (LABEL one of PER ORG LOC DATE TIME MONEY PERCENT QUANTITY O)")
	domains := fs.Bool("domains", true, "treat each -train file after the first as an auxiliary domain (feature copies)")
	caseCopies := fs.Int("case-copies", 3, "add lower- and upper-case copies of every Nth sentence, another Nth in each run (-1: none)")
	quiet := fs.Bool("q", false, "no progress output")
	minWeight := fs.Float64("min-weight", 0, "drop features whose largest averaged weight is smaller, in perceptron updates (default 0.6)")
	if _, err := parseFlags(fs, args); err != nil {
		return usageError(err)
	}
	if *train == "" || *out == "" {
		fmt.Fprintln(e.stderr, "kabar entities train: -train and -o are required")
		fs.Usage()
		return 2
	}
	m := entities.DefaultLabelMap()
	if *mapping != "" {
		for _, kv := range strings.Split(*mapping, ",") {
			k, v, ok := strings.Cut(kv, "=")
			l, err := entities.ParseLabel(v)
			if !ok || err != nil {
				fmt.Fprintf(e.stderr, "kabar entities train: -map %q: want TYPE=LABEL\n", kv)
				return 2
			}
			m[strings.ToUpper(k)] = l
		}
	}
	if err := trainModel(e, *train, *dev, *out, *classes, *gazf, m, *domains, *quiet, entities.TrainConfig{Epochs: *epochs, Seed: *seed, Runs: *runs, CaseCopies: *caseCopies, MinWeight: *minWeight}, args); err != nil {
		fmt.Fprintf(e.stderr, "kabar entities train: %v\n", err)
		return 1
	}
	return 0
}

func trainModel(e *env, train, dev, out, classes, gazf string, m map[string]entities.Label, domains, quiet bool, cfg entities.TrainConfig, args []string) error {
	exs, err := readCorpora(train, m, domains)
	if err != nil {
		return err
	}
	var devExs []entities.Example
	if dev != "" {
		if devExs, err = readCorpora(dev, m, false); err != nil {
			return err
		}
	}
	if classes != "" {
		f, err := os.Open(classes)
		if err != nil {
			return err
		}
		cfg.Classes, err = entities.ReadWordClasses(f)
		f.Close()
		if err != nil {
			return fmt.Errorf("%s: %w", classes, err)
		}
	}
	if gazf != "" {
		b, err := os.ReadFile(gazf)
		if err != nil {
			return err
		}
		for n, line := range strings.Split(string(b), "\n") {
			if line = strings.TrimRight(line, "\r"); line == "" || line[0] == '#' {
				continue
			}
			lab, name, ok := strings.Cut(line, "\t")
			l, err := entities.ParseLabel(lab)
			if !ok || err != nil || l == entities.None {
				return fmt.Errorf("%s:%d: want LABEL<TAB>name", gazf, n+1)
			}
			cfg.Gazetteer = append(cfg.Gazetteer, entities.GazetteerEntry{Name: name, Label: l})
		}
	}
	if !quiet {
		cfg.Progress = e.stderr
		cfg.Dev = devExs
		fmt.Fprintf(e.stderr, "training on %d sentences\n", len(exs))
	}
	ctx := e.ctx
	if ctx == nil {
		ctx = context.Background()
	}
	model, err := entities.Train(ctx, exs, cfg)
	if err != nil {
		return err
	}
	var info strings.Builder
	fmt.Fprintf(&info, "kabar entity model: averaged perceptron, BIO tags, %d features.\n", model.Features())
	fmt.Fprintf(&info, "Trained with: kabar entities train %s\n", strings.Join(relArgs(args), " "))
	fmt.Fprintf(&info, "Training data: %s (%d sentences).\n", baseNames(train), len(exs))
	if classes != "" {
		fmt.Fprintf(&info, "Word classes: %s (derived from IndoSum, CC BY-SA 4.0).\n", filepath.Base(classes))
	}
	if gazf != "" {
		fmt.Fprintf(&info, "Feature gazetteer: %s (Debian iso-codes, LGPL-2.1+, and a hand-written list of cities, MIT).\n", filepath.Base(gazf))
	}
	if len(devExs) > 0 {
		rec, err := model.Recognizer(entities.WithoutRules())
		if err != nil {
			return err
		}
		r := nereval.Score("kabar", nereval.RecognizerTagger(rec), nereval.Dataset{Name: baseNames(dev), Examples: devExs}, rec.Types())
		fmt.Fprintf(&info, "Dev %s: P %.2f R %.2f F1 %.2f (%d sentences).\n", baseNames(dev), 100*r.Overall.P(), 100*r.Overall.R(), 100*r.Overall.F1(), len(devExs))
	}
	model.SetInfo(info.String())
	f, err := os.Create(out)
	if err != nil {
		return err
	}
	n, err := model.WriteTo(f)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return errors.Join(err, os.Remove(out))
	}
	if !quiet {
		fmt.Fprintf(e.stderr, "%s%s: %d bytes\n", info.String(), out, n)
	}
	return nil
}

// relArgs shortens the paths in the training arguments to their base names,
// so that the model info does not depend on where the data lay.
func relArgs(args []string) []string {
	out := make([]string, len(args))
	for i, a := range args {
		if strings.Contains(a, "/") && !strings.HasPrefix(a, "-") {
			a = baseNames(a)
		}
		out[i] = a
	}
	return out
}

func baseNames(list string) string {
	parts := strings.Split(list, ",")
	for i, p := range parts {
		parts[i] = filepath.Base(p)
	}
	return strings.Join(parts, ",")
}

func evalEntities(e *env, args []string) int {
	fs := newFlagSet(e, "eval entities", "eval entities [-shared DIR] [-model FILE] [-min-f1 N] [--prose]")
	shared := fs.String("shared", "../shared", "the shared data directory")
	model := fs.String("model", "", "evaluate the model in FILE instead of the embedded one")
	minF1 := fs.Float64("min-f1", 0, "exit 1 unless overall F1 on idner-news-2k.dev is at least this (percent)")
	withProse := fs.Bool("prose", false, "also train and score prose/v2 (slow: minutes and ~350 MB)")
	if _, err := parseFlags(fs, args); err != nil {
		return usageError(err)
	}
	dir := filepath.Join(*shared, "data", "ner")
	if _, err := os.Stat(dir); err != nil {
		fmt.Fprintf(e.stderr, "kabar eval entities: %v (the NER corpora live in ../shared/data/ner)\n", err)
		return 1
	}
	rec, err := loadRecognizer(*model, nil)
	if err != nil {
		fmt.Fprintf(e.stderr, "kabar eval entities: %v\n", err)
		return 1
	}
	sets, err := nereval.EvalSets(dir)
	if err != nil {
		fmt.Fprintf(e.stderr, "kabar eval entities: %v\n", err)
		return 1
	}
	types := []entities.Label{entities.PER, entities.ORG, entities.LOC}
	var rs []nereval.Result
	for _, d := range sets {
		rs = append(rs, nereval.Score("kabar", nereval.RecognizerTagger(rec), d, types))
	}
	if *withProse {
		prs, err := nereval.ProseResults(e.ctx, dir, sets, e.stderr)
		if err != nil {
			fmt.Fprintf(e.stderr, "kabar eval entities: prose: %v\n", err)
			return 1
		}
		rs = append(rs, prs...)
	}
	w := bufio.NewWriter(e.stdout)
	nereval.WriteTable(w, rs)
	w.Flush()
	if *minF1 > 0 {
		f := 100 * rs[0].Overall.F1()
		if f < *minF1 {
			fmt.Fprintf(e.stderr, "kabar eval entities: F1 %.2f on %s is below %.2f\n", f, rs[0].Data, *minF1)
			return 1
		}
		fmt.Fprintf(e.stderr, "F1 %.2f on %s ≥ %.2f: ok\n", f, rs[0].Data, *minF1)
	}
	return 0
}
