package batch

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"runtime"
	"sync"
	"sync/atomic"
	"time"

	"github.com/kabar-id/kabar"
	"github.com/kabar-id/kabar/internal/pool"
)

// Config sets how Run works. The zero value is usable.
type Config struct {
	// Workers is the number of records analysed at once (default
	// runtime.NumCPU()).
	Workers int
	// Window is the most records in flight, read but not yet written
	// (default 64 × Workers). Output order is kept by holding finished
	// records until those before them are written; a deep window keeps
	// the workers busy while one of them is on a long record.
	Window int
	// WindowBytes is the most input bytes in flight (default 8 MiB). A
	// record larger than that is still admitted, alone.
	WindowBytes int64
	// Skip is the number of leading records to skip without analysing
	// them, to resume an interrupted run.
	Skip int64
	// Counters, when not nil, is kept up to date while Run works, so that
	// another goroutine can show progress.
	Counters *Counters
}

// Counters are live counts of a run, safe to read from any goroutine.
type Counters struct {
	Records atomic.Int64 // records written
	Errors  atomic.Int64 // records written with an error
	Bytes   atomic.Int64 // input bytes of the records written
	Skipped atomic.Int64 // records skipped (resume)
	SkipB   atomic.Int64 // input bytes of the records skipped
}

// Summary reports a finished run.
type Summary struct {
	Records int64 // records written (one output line each)
	Errors  int64 // of those, records with an error
	Skipped int64 // records skipped (Config.Skip)
	Bytes   int64 // input bytes of the records written
	Elapsed time.Duration
}

// Sink receives the results of a run in input order, from one goroutine.
// line is the output record as returned by [kabar.Result.AppendJSON], without
// a newline, valid only until Write returns (its memory is reused for later
// records, as is the memory of r's Document); it is nil for records of more
// than [StreamAbove] input bytes,
// which a sink that writes JSON encodes itself with
// [kabar.Result.WriteJSON], so that their JSON (ten times the text) is
// never held whole in memory.
type Sink interface {
	Write(r *kabar.Result, line []byte) error
}

// ErrInterrupted is returned, wrapping the context's error, when the context
// ends a run early. Everything written before is complete: the output holds
// the results of the first Summary.Records records, in order.
var ErrInterrupted = errors.New("batch: interrupted")

// StreamAbove is the input size above which a record's JSON is not built
// by the workers but streamed by the sink.
const StreamAbove = 1 << 20

type job struct {
	seq   int64
	in    *Input
	line  []byte // JSONL
	text  []byte // text file
	lnum  int
	bytes int64
}

type done struct {
	seq    int64
	res    *kabar.Result
	line   []byte
	buf    *lineBuf // line's memory, for reuse once it is written
	bytes  int64
	cancel bool // stopped by the context: not to be written
}

// lineBuf holds the memory of an output line for reuse by later records:
// a record's JSON is about 17 times its text, and allocating it afresh was
// the bulk of what a run allocated.
type lineBuf struct{ b []byte }

// keepLine is the largest line buffer kept for reuse: with a window of
// 128 records, idle line buffers stay under 32 MB.
const keepLine = 256 << 10

// Run analyses every record of ins with a, on cfg.Workers goroutines, and
// hands each result to the sinks in input order: exactly one result per
// record, bad records included (as results with Err set). Memory stays
// bounded by the window (records and bytes in flight).
//
// When ctx ends, Run stops reading, lets the sinks have every result that
// precedes the first record it did not finish, and returns an error wrapping
// [ErrInterrupted], without waiting for an input that sends nothing (a
// pipe or a terminal): a read blocked on it is left to end with it. An
// error reading an input or writing a sink also stops the run and is
// returned.
func Run(ctx context.Context, a *kabar.Analyzer, ins []Input, cfg Config, sinks ...Sink) (Summary, error) {
	start := time.Now()
	if cfg.Workers <= 0 {
		cfg.Workers = runtime.NumCPU()
	}
	if cfg.Window <= 0 {
		cfg.Window = 64 * cfg.Workers
	}
	if cfg.WindowBytes <= 0 {
		cfg.WindowBytes = 8 << 20
	}
	cnt := cfg.Counters
	if cnt == nil {
		cnt = new(Counters)
	}

	// stop ends the reader early (on a write error); ctx ending does too.
	rctx, stop := context.WithCancel(ctx)
	defer stop()
	w := newWindow(rctx, cfg.Window, cfg.WindowBytes)
	jobs := make(chan job, cfg.Window) // a worker never waits for the reader
	lines := pool.New[lineBuf](min(cfg.Window, 128), nil)
	results := make(chan done, cfg.Window)

	readDone := make(chan error, 1)
	go func() {
		defer close(jobs)
		readDone <- read(rctx, ins, cfg.Skip, cnt, w, jobs)
	}()
	var wg sync.WaitGroup
	for range cfg.Workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				// The workers stop when the run does, rather than when the
				// reader closes jobs: the reader may be blocked on its
				// input (a pipe or a terminal that sends nothing), and a
				// stopped run must not wait for it.
				select {
				case j, ok := <-jobs:
					if !ok {
						return
					}
					results <- work(ctx, a, j, lines)
				case <-rctx.Done():
					return
				}
			}
		}()
	}
	go func() { wg.Wait(); close(results) }()

	var (
		sum      Summary
		writeErr error
		halted   bool // a record was cancelled or a write failed: write nothing more
		next     int64
		pending  = make(map[int64]done)
	)
	for d := range results {
		pending[d.seq] = d
		for {
			d, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			next++
			if !halted && d.cancel {
				halted = true
			}
			if !halted {
				for _, s := range sinks {
					if err := s.Write(d.res, d.line); err != nil {
						writeErr = err
						halted = true
						stop()
						break
					}
				}
			}
			if !halted {
				sum.Records++
				cnt.Records.Add(1)
				cnt.Bytes.Add(d.bytes)
				sum.Bytes += d.bytes
				if d.res.Err != nil {
					sum.Errors++
					cnt.Errors.Add(1)
				}
			}
			if d.res != nil {
				d.res.Release() // every sink has written it
			}
			if d.buf != nil && cap(d.buf.b) <= keepLine {
				lines.Put(d.buf)
			}
			w.release(d.bytes)
		}
	}
	// Records after one that was not finished are not written: give their
	// memory back.
	for _, d := range pending {
		if d.res != nil {
			d.res.Release()
		}
	}
	var readErr error
	if rctx.Err() == nil {
		readErr = <-readDone // it closed jobs: it has returned
	} else {
		select {
		case readErr = <-readDone:
		default:
			// Blocked on its input: it returns when the input ends or
			// sends more, and sends nothing more to anyone.
		}
	}
	sum.Skipped = cnt.Skipped.Load()
	sum.Elapsed = time.Since(start)
	switch {
	case writeErr != nil:
		return sum, writeErr
	case readErr != nil && !errors.Is(readErr, context.Canceled):
		return sum, readErr
	case ctx.Err() != nil:
		return sum, fmt.Errorf("%w: %w", ErrInterrupted, ctx.Err())
	}
	return sum, nil
}

func work(ctx context.Context, a *kabar.Analyzer, j job, lines *pool.Pool[lineBuf]) done {
	var r *kabar.Result
	if j.in.Kind == TextFile {
		r = a.AnalyzeRecord(ctx, kabar.FileRecord(j.in.Name, j.text))
	} else {
		r = a.AnalyzeLineResult(ctx, j.line, j.lnum)
	}
	if r.Err != nil && ctx.Err() != nil && (errors.Is(r.Err, context.Canceled) || errors.Is(r.Err, context.DeadlineExceeded)) {
		return done{seq: j.seq, bytes: j.bytes, cancel: true}
	}
	d := done{seq: j.seq, res: r, bytes: j.bytes}
	if j.bytes <= StreamAbove {
		d.buf = lines.Get()
		d.line = r.AppendJSON(d.buf.b[:0])
		d.buf.b = d.line
	}
	return d
}

// read sends the records of ins as jobs, skipping the first skip records.
func read(ctx context.Context, ins []Input, skip int64, cnt *Counters, w *window, jobs chan<- job) error {
	var seq, recNo int64
	send := func(j job) error {
		recNo++
		if recNo <= skip {
			cnt.Skipped.Add(1)
			cnt.SkipB.Add(j.bytes)
			return nil
		}
		if err := w.acquire(j.bytes); err != nil {
			return err
		}
		j.seq = seq
		seq++
		select {
		case jobs <- j:
			return nil
		case <-ctx.Done():
			w.release(j.bytes)
			return ctx.Err()
		}
	}
	for i := range ins {
		in := &ins[i]
		if err := ctx.Err(); err != nil {
			return err
		}
		if in.Kind == TextFile {
			if recNo < skip { // skipped: not even read
				if err := send(job{in: in, bytes: max(in.Size, 0)}); err != nil {
					return err
				}
				continue
			}
			r, err := in.Open()
			if err != nil {
				return err
			}
			b, err := io.ReadAll(r)
			r.Close()
			if err != nil {
				return fmt.Errorf("reading %s: %w", in.Name, err)
			}
			if err := send(job{in: in, text: b, bytes: int64(len(b))}); err != nil {
				return err
			}
			continue
		}
		if err := readJSONL(ctx, in, send); err != nil {
			return err
		}
	}
	return nil
}

func readJSONL(ctx context.Context, in *Input, send func(job) error) error {
	rc, err := in.Open()
	if err != nil {
		return err
	}
	defer rc.Close()
	br := bufio.NewReaderSize(rc, 1<<16)
	for n := 1; ; n++ {
		if err := ctx.Err(); err != nil {
			return err
		}
		b, err := br.ReadBytes('\n')
		if len(b) == 0 && err == io.EOF {
			return nil
		}
		if err != nil && err != io.EOF {
			return fmt.Errorf("reading %s: %w", in.Name, err)
		}
		size := int64(len(b))
		if err := send(job{in: in, line: Line(b, n), lnum: n, bytes: size}); err != nil {
			return err
		}
	}
}

// Line returns input line number n (1-based) as read with its line end,
// without the line end (\n or \r\n) and, on line 1, without a UTF-8 byte
// order mark, which editors on Windows write at the start of a file and
// which JSON parsers may ignore (RFC 8259, section 8.1): the first record of
// such a file is read, not reported as malformed JSON.
func Line(b []byte, n int) []byte {
	if n == 1 {
		b = bytes.TrimPrefix(b, []byte("\uFEFF"))
	}
	return trimEOL(b)
}

func trimEOL(b []byte) []byte {
	if n := len(b); n > 0 && b[n-1] == '\n' {
		b = b[:n-1]
		if n := len(b); n > 0 && b[n-1] == '\r' {
			b = b[:n-1]
		}
	}
	return b
}

// window bounds the records and bytes in flight.
type window struct {
	ctx     context.Context
	mu      sync.Mutex
	cond    *sync.Cond
	n, max  int
	b, maxB int64
}

func newWindow(ctx context.Context, n int, b int64) *window {
	w := &window{ctx: ctx, max: n, maxB: b}
	w.cond = sync.NewCond(&w.mu)
	context.AfterFunc(ctx, func() { w.mu.Lock(); w.cond.Broadcast(); w.mu.Unlock() })
	return w
}

// acquire waits for room for one record of size bytes. A record larger
// than the byte bound is admitted when nothing else is in flight.
func (w *window) acquire(size int64) error {
	w.mu.Lock()
	defer w.mu.Unlock()
	for w.n >= w.max || (w.n > 0 && w.b+size > w.maxB) {
		if err := w.ctx.Err(); err != nil {
			return err
		}
		w.cond.Wait()
	}
	if err := w.ctx.Err(); err != nil {
		return err
	}
	w.n++
	w.b += size
	return nil
}

func (w *window) release(size int64) {
	w.mu.Lock()
	w.n--
	w.b -= size
	w.cond.Broadcast()
	w.mu.Unlock()
}
