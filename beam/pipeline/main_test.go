package pipeline_test

import (
	"flag"
	"os"
	"testing"

	"github.com/apache/beam/sdks/v2/go/pkg/beam/log"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/testing/ptest"

	// Tests read and write local files.
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/local"
)

var logLevel = flag.String("log_level", "warn", "Beam and Prism log level in tests: debug, info, warn or error")

// TestMain runs the pipelines of the tests on Prism (ptest's default
// runner; -runner selects another), in a temporary directory of their own
// that it removes at the end: Beam leaves an empty beamloopbackworker-* file
// in the temporary directory for every loopback run.
func TestMain(m *testing.M) {
	flag.Parse()
	log.LogLevel = *logLevel
	tmp, err := os.MkdirTemp("", "kabar-beam-test-")
	if err == nil {
		os.Setenv("TMPDIR", tmp)
	}
	code := ptest.MainRet(m)
	if err == nil {
		os.RemoveAll(tmp)
	}
	os.Exit(code)
}
