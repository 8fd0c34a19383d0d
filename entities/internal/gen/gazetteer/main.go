package main

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"slices"
	"strings"
)

func main() {
	iso := flag.String("iso", "/usr/share/iso-codes/json", "iso-codes JSON directory")
	mo := flag.String("mo", "/usr/share/locale/id/LC_MESSAGES/iso_3166-1.mo", "Indonesian translations of ISO 3166-1")
	out := flag.String("o", "entities/data/gazetteer.tsv", "output file")
	flag.Parse()
	if err := run(*iso, *mo, *out); err != nil {
		fmt.Fprintln(os.Stderr, "gazetteer:", err)
		os.Exit(1)
	}
}

// citiesFile is a hand-written list of capitals and large cities.
const citiesFile = "entities/data/cities.txt"

func run(iso, mo, out string) error {
	tr, err := readMO(mo)
	if err != nil {
		return err
	}
	var c1 struct {
		Entries []map[string]string `json:"3166-1"`
	}
	if err := readJSON(iso+"/iso_3166-1.json", &c1); err != nil {
		return err
	}
	var c2 struct {
		Entries []map[string]string `json:"3166-2"`
	}
	if err := readJSON(iso+"/iso_3166-2.json", &c2); err != nil {
		return err
	}
	set := map[string]bool{}
	for _, c := range c1.Entries {
		for _, k := range []string{"name", "common_name"} {
			n, ok := c[k]
			if !ok {
				continue
			}
			if t, ok := tr[n]; ok && t != "" {
				n = t
			}
			if strings.ContainsAny(n, ",()") {
				continue // "Iran, Republik Islam" is not how news names it
			}
			set[n] = true
		}
	}
	for _, c := range c2.Entries {
		if strings.HasPrefix(c["code"], "ID-") {
			set[c["name"]] = true
		}
	}
	cities, err := os.ReadFile(citiesFile)
	if err != nil {
		return err
	}
	for _, l := range strings.Split(string(cities), "\n") {
		if l = strings.TrimSpace(l); l != "" && l[0] != '#' {
			set[l] = true
		}
	}
	names := make([]string, 0, len(set))
	for n := range set {
		names = append(names, n)
	}
	slices.Sort(names)
	var b strings.Builder
	b.WriteString("# Place names for kabar's entity model features: LABEL<TAB>name.\n")
	b.WriteString("# Made by: go run ./entities/internal/gen/gazetteer -o entities/data/gazetteer.tsv\n")
	b.WriteString("# From: Debian iso-codes (ISO 3166-1 country names in Indonesian, ISO 3166-2:ID provinces), LGPL-2.1+;\n")
	b.WriteString("# and " + citiesFile + " (capitals and large cities, written for kabar, MIT).\n")
	for _, n := range names {
		fmt.Fprintf(&b, "LOC\t%s\n", n)
	}
	return os.WriteFile(out, []byte(b.String()), 0o644)
}

func readJSON(path string, v any) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	if err := json.Unmarshal(b, v); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}

// readMO reads a GNU gettext .mo file into a map from message to translation.
func readMO(path string) (map[string]string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	if len(b) < 28 {
		return nil, errors.New(path + ": too short for a .mo file")
	}
	var bo binary.ByteOrder = binary.LittleEndian
	if bo.Uint32(b) != 0x950412de {
		bo = binary.BigEndian
		if bo.Uint32(b) != 0x950412de {
			return nil, errors.New(path + ": not a .mo file")
		}
	}
	n := int(bo.Uint32(b[8:]))
	orig, trans := int(bo.Uint32(b[12:])), int(bo.Uint32(b[16:]))
	str := func(table, i int) (string, error) {
		p := table + 8*i
		if p < 0 || p+8 > len(b) {
			return "", errors.New(path + ": bad table")
		}
		l, off := int(bo.Uint32(b[p:])), int(bo.Uint32(b[p+4:]))
		if off < 0 || l < 0 || off+l > len(b) {
			return "", errors.New(path + ": bad string")
		}
		return string(b[off : off+l]), nil
	}
	m := map[string]string{}
	for i := range n {
		o, err := str(orig, i)
		if err != nil {
			return nil, err
		}
		t, err := str(trans, i)
		if err != nil {
			return nil, err
		}
		m[o] = t
	}
	return m, nil
}
