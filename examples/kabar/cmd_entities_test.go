package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func runEntitiesCmd(t *testing.T, stdin string, args ...string) (string, string, int) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(&env{ctx: context.Background(), stdin: strings.NewReader(stdin), stdout: &out, stderr: &errb}, args)
	return out.String(), errb.String(), code
}

func TestEntitiesCLI(t *testing.T) {
	text := "Presiden Joko Widodo bertemu Sergei Lavrov di Moskow, Selasa (29/11)."
	out, errs, code := runEntitiesCmd(t, text, "entities")
	if code != 0 || !strings.Contains(out, "PER\tJoko Widodo\t9\t20\n") || !strings.Contains(out, "DATE\tSelasa (29/11)\t54\t68\n") {
		t.Fatalf("code %d, stderr %q, stdout:\n%s", code, errs, out)
	}
	out, _, code = runEntitiesCmd(t, text, "entities", "--json")
	var doc struct {
		Entities []struct {
			Text, Label string
			Start, End  int
		} `json:"entities"`
		Groups []struct{ Name string } `json:"groups"`
	}
	if code != 0 || json.Unmarshal([]byte(out), &doc) != nil || len(doc.Entities) == 0 || len(doc.Groups) == 0 {
		t.Fatalf("--json: code %d, %q", code, out)
	}
	dir := t.TempDir()
	gz := filepath.Join(dir, "org.txt")
	if err := os.WriteFile(gz, []byte("# comment\nKabar Nusantara\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out, _, code = runEntitiesCmd(t, "Redaksi Kabar Nusantara pindah.", "entities", "--gazetteer", "ORG="+gz)
	if code != 0 || !strings.Contains(out, "ORG\tKabar Nusantara\t") {
		t.Errorf("--gazetteer: code %d, %q", code, out)
	}
	bad := filepath.Join(dir, "bad.kner")
	if err := os.WriteFile(bad, []byte("not a model"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, errs, code := runEntitiesCmd(t, text, "entities", "-model", bad); code != 1 || !strings.Contains(errs, "bad model") {
		t.Errorf("-model bad: code %d, stderr %q", code, errs)
	}
	out, _, code = runEntitiesCmd(t, `{"id":1,"text":"Joko Widodo di Jakarta."}`+"\n", "entities", "--jsonl")
	if code != 0 || !strings.Contains(out, `"entities":[`) || strings.Count(out, "\n") != 1 {
		t.Errorf("--jsonl: code %d, %q", code, out)
	}
	if _, _, code := runEntitiesCmd(t, "", "entities", "train"); code != 2 {
		t.Errorf("train without flags: code %d, want 2", code)
	}
}

func TestEntitiesTrainCLI(t *testing.T) {
	dir := t.TempDir()
	corpus := filepath.Join(dir, "c.tsv")
	if err := os.WriteFile(corpus, []byte("Joko\tB-PER\nWidodo\tI-PER\ndi\tO\nJakarta\tB-GPE\n\nAmos\tB-PER\nke\tO\nManado\tB-GPE\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	model := filepath.Join(dir, "m.kner")
	if _, errs, code := runEntitiesCmd(t, "", "entities", "train", "-q", "-train", corpus, "-classes", "", "-features-gazetteer", "", "-epochs", "2", "-o", model); code != 0 {
		t.Fatalf("train: code %d, %s", code, errs)
	}
	if _, errs, code := runEntitiesCmd(t, "Joko Widodo di Jakarta.", "entities", "-model", model); code != 0 {
		t.Fatalf("-model: code %d, %s", code, errs)
	}
	if _, errs, code := runEntitiesCmd(t, "", "entities", "train", "-q", "-train", corpus, "-map", "GPE=XYZ", "-o", model); code != 2 {
		t.Errorf("bad -map: code %d, %s", code, errs)
	}
}
