//! The cache: an LRU map bounded by the bytes of its keys and values
//! (`--cache-mb`), with the hit, miss and eviction counts of /metrics.

use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};

use bytes::Bytes;
use lru::LruCache;

use crate::errors::ApiError;

pub struct Cache {
    lru: Mutex<ByteBoundLru>,
    hits: AtomicU64,
    misses: AtomicU64,
    evictions: AtomicU64,
}

struct ByteBoundLru {
    entries: LruCache<String, Bytes>,
    bytes: u64,
    capacity: u64,
}

#[derive(Debug, PartialEq, Eq)]
pub enum Stored {
    Created,
    Replaced,
}

#[derive(Default)]
pub struct CacheStats {
    pub entries: u64,
    pub bytes: u64,
    pub hits: u64,
    pub misses: u64,
    pub evictions: u64,
}

fn entry_size(key: &str, value: &Bytes) -> u64 {
    (key.len() + value.len()) as u64
}

impl Cache {
    pub fn new(capacity: u64) -> Self {
        Cache {
            lru: Mutex::new(ByteBoundLru {
                entries: LruCache::unbounded(),
                bytes: 0,
                capacity,
            }),
            hits: AtomicU64::new(0),
            misses: AtomicU64::new(0),
            evictions: AtomicU64::new(0),
        }
    }

    /// Stores `value`, evicting least recently used entries until the bound
    /// holds; a value that could never fit is `PayloadTooLarge`.
    pub fn put(&self, key: String, value: Bytes) -> Result<Stored, ApiError> {
        let size = entry_size(&key, &value);
        let mut lru = self.lock();
        if size > lru.capacity {
            return Err(ApiError::PayloadTooLarge);
        }
        let stored = match lru.entries.pop(key.as_str()) {
            Some(old) => {
                lru.bytes -= entry_size(&key, &old);
                Stored::Replaced
            }
            None => Stored::Created,
        };
        lru.entries.put(key, value);
        lru.bytes += size;
        while lru.bytes > lru.capacity {
            match lru.entries.pop_lru() {
                Some((old_key, old_value)) => lru.bytes -= entry_size(&old_key, &old_value),
                None => break,
            }
            self.evictions.fetch_add(1, Ordering::Relaxed);
        }
        Ok(stored)
    }

    /// The value of `key` (a cheap reference-counted handle), now most recently used.
    pub fn get(&self, key: &str) -> Option<Bytes> {
        let value = self.lock().entries.get(key).cloned();
        let counter = if value.is_some() {
            &self.hits
        } else {
            &self.misses
        };
        counter.fetch_add(1, Ordering::Relaxed);
        value
    }

    pub fn delete(&self, key: &str) -> bool {
        let mut lru = self.lock();
        match lru.entries.pop(key) {
            Some(old) => {
                lru.bytes -= entry_size(key, &old);
                true
            }
            None => false,
        }
    }

    pub fn stats(&self) -> CacheStats {
        let lru = self.lock();
        CacheStats {
            entries: lru.entries.len() as u64,
            bytes: lru.bytes,
            hits: self.hits.load(Ordering::Relaxed),
            misses: self.misses.load(Ordering::Relaxed),
            evictions: self.evictions.load(Ordering::Relaxed),
        }
    }

    // No code panics while holding the lock, so a poisoned one still guards consistent data.
    fn lock(&self) -> std::sync::MutexGuard<'_, ByteBoundLru> {
        self.lru
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn value(len: usize) -> Bytes {
        Bytes::from(vec![b'v'; len])
    }

    #[test]
    fn put_reports_created_then_replaced() {
        let cache = Cache::new(1024);
        assert_eq!(cache.put("k".into(), value(1)), Ok(Stored::Created));
        assert_eq!(cache.put("k".into(), value(2)), Ok(Stored::Replaced));
        assert_eq!(cache.get("k"), Some(value(2)));
        let stats = cache.stats();
        assert_eq!((stats.entries, stats.bytes), (1, 3));
    }

    #[test]
    fn evicts_least_recently_used_within_the_byte_bound() {
        let cache = Cache::new(30); // three entries of 10 bytes fit
        for key in ["a", "b", "c"] {
            cache.put(key.into(), value(9)).unwrap();
        }
        cache.get("a"); // now b is the least recently used
        cache.put("d".into(), value(9)).unwrap();
        assert_eq!(cache.get("b"), None);
        assert!(["a", "c", "d"].iter().all(|key| cache.get(key).is_some()));
        let stats = cache.stats();
        assert!(stats.bytes <= 30);
        assert_eq!(stats.evictions, 1);
    }

    #[test]
    fn refuses_a_value_larger_than_the_bound() {
        let cache = Cache::new(8);
        assert_eq!(
            cache.put("key".into(), value(6)),
            Err(ApiError::PayloadTooLarge)
        );
        assert_eq!(cache.stats().entries, 0);
    }

    #[test]
    fn delete_frees_the_bytes_and_misses_are_counted() {
        let cache = Cache::new(64);
        cache.put("k".into(), value(1)).unwrap();
        assert!(cache.delete("k"));
        assert!(!cache.delete("k"));
        assert_eq!(cache.get("k"), None);
        let stats = cache.stats();
        assert_eq!((stats.bytes, stats.misses), (0, 1));
    }
}
