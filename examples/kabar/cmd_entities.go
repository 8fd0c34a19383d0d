package main

func runEntities(e *env, args []string) int { return notYet(e, "entities") }

func evalEntities(e *env, args []string) int { return notYet(e, "eval entities") }
