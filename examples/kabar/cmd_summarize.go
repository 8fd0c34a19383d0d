package main

func runSummarize(e *env, args []string) int { return notYet(e, "summarize") }

func evalSummarize(e *env, args []string) int { return notYet(e, "eval summarize") }

func runKeywords(e *env, args []string) int { return notYet(e, "keywords") }
