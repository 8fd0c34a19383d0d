package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

// env is what a subcommand may touch, so that tests can run it in-process.
type env struct {
	ctx    context.Context
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
}

type command struct {
	name, summary string
	run           func(e *env, args []string) int
}

func commands() []command {
	return []command{
		{"tokenize", "split text into sentences and tokens", runTokenize},
		{"stem", "print the root of each word", runStem},
		{"entities", "find people, organisations, places, dates and amounts", runEntities},
		{"summarize", "pick the most informative sentences", runSummarize},
		{"keywords", "name the keywords of a text", runKeywords},
		{"analyze", "run every stage and print one JSON document", runAnalyze},
		{"batch", "analyse a JSONL archive or a directory of .txt files", runBatch},
		{"eval", "measure accuracy on ../shared data (tokenize|stem|entities|summarize)", runEval},
	}
}

func evals() []command {
	return []command{
		{"tokenize", "tokens, words and sentences F1 on UD Indonesian", evalTokenize},
		{"stem", "stemmer accuracy on Sastrawi pairs and UD lemmas", evalStem},
		{"entities", "entity P/R/F1 on the NER corpora", evalEntities},
		{"summarize", "ROUGE on IndoSum", evalSummarize},
	}
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	go func() {
		<-ctx.Done()
		stop() // a second Ctrl-C ends the process at once, as by default
	}()
	code := run(&env{ctx: ctx, stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr}, os.Args[1:])
	stop()
	os.Exit(code)
}

func run(e *env, args []string) int {
	return dispatch(e, args, "kabar", commands())
}

func runEval(e *env, args []string) int { return dispatch(e, args, "kabar eval", evals()) }

func dispatch(e *env, args []string, prog string, cmds []command) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		usage(e.stderr, prog, cmds)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	for _, c := range cmds {
		if c.name == args[0] {
			return c.run(e, args[1:])
		}
	}
	fmt.Fprintf(e.stderr, "%s: unknown subcommand %q\n", prog, args[0])
	usage(e.stderr, prog, cmds)
	return 2
}

func usage(w io.Writer, prog string, cmds []command) {
	fmt.Fprintf(w, "usage: %s SUBCOMMAND [flags] [FILE]\n\nsubcommands:\n", prog)
	for _, c := range cmds {
		fmt.Fprintf(w, "  %-10s %s\n", c.name, c.summary)
	}
	fmt.Fprintf(w, "\nRun '%s SUBCOMMAND -h' for its flags.\n", prog)
}
