package peer

import (
	"container/list"
	"sync"
	"sync/atomic"
)

// Cache is an LRU cache bounded by the bytes of its keys and values. One
// mutex guards it: each operation is a map lookup and a list splice.
type Cache struct {
	mu       sync.Mutex
	capacity int64
	size     int64
	order    *list.List // front: most recently used; values are *cacheEntry
	entries  map[string]*list.Element

	hits, misses, evictions atomic.Uint64
}

type cacheEntry struct {
	key   string
	value []byte
}

func (e *cacheEntry) size() int64 { return int64(len(e.key) + len(e.value)) }

// CacheStats are the cache's numbers for /metrics.
type CacheStats struct {
	Entries, Bytes, Hits, Misses, Evictions uint64
}

// NewCache makes a cache that holds at most capacity bytes.
func NewCache(capacity int64) *Cache {
	return &Cache{capacity: capacity, order: list.New(), entries: make(map[string]*list.Element)}
}

// Put stores value under key (the cache keeps the slice: callers hand over a
// fresh one). It reports whether the key is new; a value that could never fit
// is ErrBodyTooLarge.
func (c *Cache) Put(key string, value []byte) (created bool, err error) {
	entry := &cacheEntry{key: key, value: value}
	if entry.size() > c.capacity {
		return false, ErrBodyTooLarge
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if el, ok := c.entries[key]; ok {
		c.removeLocked(el)
	} else {
		created = true
	}
	c.entries[key] = c.order.PushFront(entry)
	c.size += entry.size()
	for c.size > c.capacity {
		c.removeLocked(c.order.Back())
		c.evictions.Add(1)
	}
	return created, nil
}

// Get returns the value of key and marks it most recently used. The returned
// slice is shared: callers only read it.
func (c *Cache) Get(key string) ([]byte, bool) {
	c.mu.Lock()
	el, ok := c.entries[key]
	var value []byte
	if ok {
		c.order.MoveToFront(el)
		value = el.Value.(*cacheEntry).value
	}
	c.mu.Unlock()
	if ok {
		c.hits.Add(1)
	} else {
		c.misses.Add(1)
	}
	return value, ok
}

// Delete removes key and reports whether it was there.
func (c *Cache) Delete(key string) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	el, ok := c.entries[key]
	if ok {
		c.removeLocked(el)
	}
	return ok
}

// Stats reads the cache's numbers.
func (c *Cache) Stats() CacheStats {
	c.mu.Lock()
	entries, size := len(c.entries), c.size
	c.mu.Unlock()
	return CacheStats{
		Entries: uint64(entries), Bytes: uint64(size),
		Hits: c.hits.Load(), Misses: c.misses.Load(), Evictions: c.evictions.Load(),
	}
}

func (c *Cache) removeLocked(el *list.Element) {
	entry := c.order.Remove(el).(*cacheEntry)
	delete(c.entries, entry.key)
	c.size -= entry.size()
}
