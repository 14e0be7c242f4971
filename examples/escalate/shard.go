package main

import (
	"fmt"
	"hash/fnv"
	"strconv"
	"strings"
)

// shard is the part of the tickets one replica of the bridge handles:
// those whose id hashes to index modulo count. Replicas given the shards
// 0/n … n-1/n of the same n split the tickets between them without
// talking to each other: no ticket is handled by two at once, so no two
// race to create its incident or comment, which ServiceNow and Cyderes
// could not refuse as duplicates (TheHive refuses a second alert of the
// same key, and the bridge's Ensure calls find a record another run
// made). A replica that stops leaves its shard waiting until it runs
// again; what it had begun is finished then from its outbox and by the
// natural keys.
type shard struct{ index, count int }

// parseShard reads "i/n", 0 ≤ i < n.
func parseShard(s string) (shard, error) {
	i, n, ok := strings.Cut(s, "/")
	index, err1 := strconv.Atoi(i)
	count, err2 := strconv.Atoi(n)
	if !ok || err1 != nil || err2 != nil || count < 1 || index < 0 || index >= count {
		return shard{}, fmt.Errorf("shard %q: want i/n with 0 ≤ i < n, such as 0/2", s)
	}
	return shard{index, count}, nil
}

// owns reports whether the replica handles ticket.
func (s shard) owns(ticket string) bool {
	if s.count <= 1 {
		return true
	}
	h := fnv.New32a()
	h.Write([]byte(ticket))
	return int(h.Sum32()%uint32(s.count)) == s.index
}

// String implements fmt.Stringer.
func (s shard) String() string { return strconv.Itoa(s.index) + "/" + strconv.Itoa(s.count) }
