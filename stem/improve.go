package stem

// improvements holds the data of the Improved mode.
type improvements struct{}

func newImprovements(roots *wordSet, embedded bool) *improvements { return &improvements{} }

// stem returns the root of part (a lower-case word without reduplication
// hyphens, not itself a root) and whether it found one.
func (im *improvements) stem(s *Stemmer, part []byte) (string, bool) {
	var e ecs
	e.init(s.roots, string(part))
	e.run()
	if e.has(e.cur) {
		return s.roots.get(e.bytes(e.cur))
	}
	return "", false
}
