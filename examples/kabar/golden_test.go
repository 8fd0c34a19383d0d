package main

import "flag"

// update rewrites the golden files of the subcommand tests in testdata.
var update = flag.Bool("update", false, "rewrite the golden files in testdata")
