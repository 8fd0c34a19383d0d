package pipeline_test

import (
	"flag"
	"testing"

	"github.com/apache/beam/sdks/v2/go/pkg/beam/log"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/testing/ptest"

	// Tests read and write local files.
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/local"
)

var logLevel = flag.String("log_level", "warn", "Beam and Prism log level in tests: debug, info, warn or error")

// TestMain runs the pipelines of the tests on Prism (ptest's default
// runner; -runner selects another).
func TestMain(m *testing.M) {
	flag.Parse()
	log.LogLevel = *logLevel
	ptest.Main(m)
}
