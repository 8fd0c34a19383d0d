package main

func runAnalyze(e *env, args []string) int { return notYet(e, "analyze") }

func runBatch(e *env, args []string) int { return notYet(e, "batch") }
