// Package pool keeps per-call working memory for reuse across calls: the
// word caches and scratch buffers of kabar's Analyzer, of the entity
// recogniser and of the summariser.
//
// # Why not sync.Pool
//
// A sync.Pool drops its idle values at garbage collection (after a second
// collection, since Go 1.13's victim cache). That is right for plain
// buffers, but the caches kept here are worth what they have learnt: the
// stems and entity features of the words seen so far. Dropping them every
// other collection made each worker relearn its vocabulary every few
// hundred documents of a batch run. [Pool] keeps at most a fixed number of
// idle values (by default twice GOMAXPROCS), so its memory is bounded by
// the callers' peak concurrency, and never drops them otherwise.
//
// # CPU affinity
//
// Get returns, of the idle values, the one put last on the CPU that calls
// it, when there is one (on Linux, by the getcpu system call; elsewhere
// simply the one put last). A cache of several megabytes that moves to
// the other core on every document has to be fetched into that core's
// caches again; kept on one core, it stays warm there. bench/scaling.sh
// measures what this serves: kabar batch's speed-up from one core to two.
//
// # Concurrency
//
// Get and Put are safe for concurrent use; a value is used by one caller
// at a time, between its Get and its Put.
package pool
