// Command agree compares the PER, ORG and LOC mentions of two kabar batch
// outputs of the same input (for example before and after a change to the
// entity model or its rules): how many each has, their agreement as an F1
// over exact spans and labels, the mentions gained and lost most often,
// and the groups that joined others.
//
//	kabar batch -stages entities -o old.jsonl IN.jsonl   # with the old build
//	kabar batch -stages entities -o new.jsonl IN.jsonl   # with the new one
//	go run ./internal/eval/nereval/agree [-top 15] [-names Korut,Kabid] old.jsonl new.jsonl
//
// -names also counts, in the new output, the mentions with those texts by
// label. It also counts the records whose groups differ, and lists as
// "joined NEW OLD" the old groups whose mentions all belong to a new group
// of another name (an alias joined to its name: joined Basuki Tjahaja
// Purnama Ahok).
package main
