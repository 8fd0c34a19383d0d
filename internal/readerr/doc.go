// Package readerr keeps the error of a reader that a line parser reads
// through a bufio.Scanner. When the reader fails in the middle of a line,
// the Scanner hands the parser the part of the line read so far before it
// reports the failure, and the parser would report that part as malformed.
// With a [Reader] in between, the parser can report the reader's error
// instead.
package readerr
