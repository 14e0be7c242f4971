package sla

import (
	"sync"
	"time"
)

// A calendar works in blocks of seven days, Monday to Sunday. The working
// intervals of each block and its business time (which already accounts
// for the block's holidays and clock changes) are computed once per chunk
// of chunkBlocks blocks, on first use, and kept by the calendar: Add and
// Between then cross a whole week in one step, and walk working intervals
// without converting dates.

// chunkBlocks is how many blocks are computed together.
const chunkBlocks = 16

// blockAnchor is the day number of a Monday (1970-01-05), where block 0
// starts.
const blockAnchor = 4

// blockOf returns the block holding day n.
func blockOf(n int) int { return floorDiv(n-blockAnchor, 7) }

// blockStart returns the first day of block k.
func blockStart(k int) int { return blockAnchor + 7*k }

// chunkOf returns the chunk holding block k.
func chunkOf(k int) int { return floorDiv(k, chunkBlocks) }

// chunk is what a calendar keeps of chunkBlocks consecutive blocks.
type chunk struct {
	// spans are the working intervals in time order; block j's are
	// spans[starts[j]:starts[j+1]].
	spans  []span
	starts [chunkBlocks + 1]int32
	totals [chunkBlocks]time.Duration
}

// calendarCache holds what a calendar computes once: the closed days of
// each year and the chunks.
type calendarCache struct {
	years  memo[int, *yearDays]
	chunks memo[int, *chunk]
}

// year returns the closed days of year y.
func (c *calendarCache) year(b *BusinessCalendar, y int) *yearDays {
	return c.years.get(y, func() *yearDays { return b.closedYear(y) })
}

// chunk returns chunk i.
func (c *calendarCache) chunk(b *BusinessCalendar, i int) *chunk {
	return c.chunks.get(i, func() *chunk { return b.buildChunk(i) })
}

// memo is a map of values computed once, safe for concurrent use; two
// goroutines may compute the same value, and the first stored wins.
type memo[K comparable, V any] struct {
	mu sync.RWMutex
	m  map[K]V
}

// get returns the value of k, computing it with compute (outside the
// lock) the first time.
func (c *memo[K, V]) get(k K, compute func() V) V {
	c.mu.RLock()
	v, ok := c.m[k]
	c.mu.RUnlock()
	if ok {
		return v
	}
	v = compute()
	c.mu.Lock()
	defer c.mu.Unlock()
	if old, ok := c.m[k]; ok {
		return old
	}
	if c.m == nil {
		c.m = map[K]V{}
	}
	c.m[k] = v
	return v
}

// buildChunk computes chunk i from the week, the holidays and the zone.
func (b *BusinessCalendar) buildChunk(i int) *chunk {
	t := &chunk{}
	cd := closedDays{b: b}
	first := blockStart(i * chunkBlocks)
	for j := range chunkBlocks {
		t.starts[j] = int32(len(t.spans))
		for n := first + 7*j; n < first+7*j+7; n++ {
			t.spans = b.spans(n, &cd, t.spans)
		}
		for _, s := range t.spans[t.starts[j]:] {
			t.totals[j] += s.length()
		}
	}
	t.starts[chunkBlocks] = int32(len(t.spans))
	return t
}

// cursor reads blocks in any order, asking the cache once per chunk.
type cursor struct {
	b     *BusinessCalendar
	index int
	c     *chunk
}

func (cu *cursor) load(k int) int {
	if ci := chunkOf(k); cu.c == nil || ci != cu.index {
		cu.index, cu.c = ci, cu.b.cache.chunk(cu.b, ci)
	}
	return k - cu.index*chunkBlocks
}

// block returns the working intervals of block k and its business time.
func (cu *cursor) block(k int) ([]span, time.Duration) {
	j := cu.load(k)
	return cu.c.spans[cu.c.starts[j]:cu.c.starts[j+1]], cu.c.totals[j]
}
