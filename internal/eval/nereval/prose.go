package nereval

import (
	"context"
	"io"
)

// ProseResults trains and scores prose/v2 beside kabar. PLACEHOLDER.
func ProseResults(ctx context.Context, dir string, sets []Dataset, progress io.Writer) ([]Result, error) {
	return nil, nil
}
