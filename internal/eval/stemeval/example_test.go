package stemeval_test

import (
	"os"

	"github.com/kabar-id/kabar/internal/eval/stemeval"
	"github.com/kabar-id/kabar/stem"
)

func ExampleRun() {
	pairs := []stemeval.Pair{
		{Word: "memberikan", Want: "beri", Count: 3},
		{Word: "menangis", Want: "tangis", Count: 1},
	}
	s, _ := stem.New(stem.WithMode(stem.Sastrawi))
	stemeval.WriteScore(os.Stdout, stemeval.Run("sastrawi", s, pairs), 5)
	stemeval.WriteScore(os.Stdout, stemeval.Run("improved", stem.Default(), pairs), 5)
	// Output:
	// sastrawi                                         types     1/    2  50.00%   tokens      3/     4  75.00%
	//     menangis                 want tangis           got menang           x1
	// improved                                         types     2/    2 100.00%   tokens      4/     4 100.00%
}
