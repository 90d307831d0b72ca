package peer

import (
	"bytes"
	"testing"
)

func TestCachePutReportsCreatedThenReplaced(t *testing.T) {
	c := NewCache(1 << 10)
	if created, err := c.Put("k", []byte("a")); !created || err != nil {
		t.Fatalf("first put: created=%v err=%v", created, err)
	}
	if created, err := c.Put("k", []byte("bb")); created || err != nil {
		t.Fatalf("second put: created=%v err=%v", created, err)
	}
	if v, ok := c.Get("k"); !ok || !bytes.Equal(v, []byte("bb")) {
		t.Fatalf("get = %q, %v", v, ok)
	}
	if s := c.Stats(); s.Entries != 1 || s.Bytes != 3 {
		t.Fatalf("stats = %+v, want 1 entry of 3 bytes", s)
	}
}

func TestCacheEvictsLeastRecentlyUsedWithinTheByteBound(t *testing.T) {
	c := NewCache(30) // three entries of 10 bytes fit
	for _, k := range []string{"a", "b", "c"} {
		c.Put(k, make([]byte, 9))
	}
	c.Get("a") // now b is the least recently used
	c.Put("d", make([]byte, 9))
	if _, ok := c.Get("b"); ok {
		t.Fatal("b should have been evicted")
	}
	for _, k := range []string{"a", "c", "d"} {
		if _, ok := c.Get(k); !ok {
			t.Fatalf("%s should still be cached", k)
		}
	}
	if s := c.Stats(); s.Bytes > 30 || s.Evictions != 1 {
		t.Fatalf("stats = %+v, want at most 30 bytes and 1 eviction", s)
	}
}

func TestCacheRefusesAValueLargerThanTheBound(t *testing.T) {
	c := NewCache(8)
	if _, err := c.Put("key", make([]byte, 6)); err != ErrBodyTooLarge {
		t.Fatalf("err = %v, want ErrBodyTooLarge", err)
	}
	if s := c.Stats(); s.Entries != 0 {
		t.Fatalf("stats = %+v, want empty", s)
	}
}

func TestCacheDeleteAndMissesAreCounted(t *testing.T) {
	c := NewCache(64)
	c.Put("k", []byte("v"))
	if !c.Delete("k") || c.Delete("k") {
		t.Fatal("delete should succeed once")
	}
	if _, ok := c.Get("k"); ok {
		t.Fatal("deleted key still there")
	}
	if s := c.Stats(); s.Misses != 1 || s.Bytes != 0 {
		t.Fatalf("stats = %+v", s)
	}
}
