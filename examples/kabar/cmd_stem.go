package main

func runStem(e *env, args []string) int { return notYet(e, "stem") }

func evalStem(e *env, args []string) int { return notYet(e, "eval stem") }
