//! Which contract route a request path names, and the request-target rules
//! of the contract: cache keys and the /work query.

use crate::errors::ApiError;
use crate::limits::MAX_WORK_MS;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Route {
    Json,
    Plaintext,
    Health,
    Orders,
    Cache,
    Work,
    Metrics,
    NotFound,
}

pub const CACHE_PREFIX: &str = "/cache/";
const MAX_CACHE_KEY: usize = 250;

impl Route {
    pub const ALL: [Route; 8] = [
        Route::Json,
        Route::Plaintext,
        Route::Health,
        Route::Orders,
        Route::Cache,
        Route::Work,
        Route::Metrics,
        Route::NotFound,
    ];

    /// The route of a raw (not percent-decoded) request path.
    pub fn of(path: &str) -> Route {
        match path {
            "/json" => Route::Json,
            "/plaintext" => Route::Plaintext,
            "/health" => Route::Health,
            "/orders" => Route::Orders,
            "/work" => Route::Work,
            "/metrics" => Route::Metrics,
            _ if path.starts_with(CACHE_PREFIX) => Route::Cache,
            _ => Route::NotFound,
        }
    }

    /// The label of /metrics.
    pub fn name(self) -> &'static str {
        match self {
            Route::Json => "json",
            Route::Plaintext => "plaintext",
            Route::Health => "health",
            Route::Orders => "orders",
            Route::Cache => "cache",
            Route::Work => "work",
            Route::Metrics => "metrics",
            Route::NotFound => "not_found",
        }
    }

    /// The Allow header of a 405.
    pub fn allow(self) -> &'static str {
        match self {
            Route::Orders => "POST",
            Route::Cache => "GET, PUT, DELETE",
            _ => "GET",
        }
    }

    /// The 405 a known path answers to a method it does not serve.
    pub fn method_not_allowed(self) -> ApiError {
        ApiError::MethodNotAllowed {
            allow: self.allow(),
        }
    }
}

/// 1..250 bytes of `[A-Za-z0-9._~-]`, never `.` or `..`, so that a key never
/// reads as a path step. Keys are not percent-decoded.
pub fn valid_cache_key(key: &str) -> bool {
    let allowed = |c: u8| c.is_ascii_alphanumeric() || matches!(c, b'.' | b'_' | b'~' | b'-');
    (1..=MAX_CACHE_KEY).contains(&key.len())
        && key != "."
        && key != ".."
        && key.bytes().all(allowed)
}

/// The key of a raw `/cache/{key}` path. Frameworks percent-decode their
/// path parameters; the contract's keys are the raw bytes, so every peer
/// takes the key from the raw path through this.
pub fn cache_key(raw_path: &str) -> Result<&str, ApiError> {
    raw_path
        .strip_prefix(CACHE_PREFIX)
        .filter(|key| valid_cache_key(key))
        .ok_or(ApiError::InvalidCacheKey)
}

/// The query of /work: exactly `ms=N`, N in 0..=1000.
pub fn parse_work_ms(query: Option<&str>) -> Result<u64, ApiError> {
    let digits = query
        .and_then(|query| query.strip_prefix("ms="))
        .ok_or(ApiError::InvalidWorkMs)?;
    if digits.is_empty() || digits.len() > 4 || !digits.bytes().all(|c| c.is_ascii_digit()) {
        return Err(ApiError::InvalidWorkMs);
    }
    digits
        .parse()
        .ok()
        .filter(|ms| *ms <= MAX_WORK_MS)
        .ok_or(ApiError::InvalidWorkMs)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cache_keys() {
        let long = "k".repeat(MAX_CACHE_KEY + 1);
        for (key, want) in [
            ("a", true),
            ("A-z_0.9~", true),
            ("...", true),
            ("", false),
            (".", false),
            ("..", false),
        ] {
            assert_eq!(valid_cache_key(key), want, "{key:?}");
        }
        for key in ["a%41", "a/b", "caf\u{e9}", long.as_str()] {
            assert!(!valid_cache_key(key), "{key:?}");
        }
        assert_eq!(cache_key("/cache/user-1"), Ok("user-1"));
        assert_eq!(cache_key("/cache/%2e%2e"), Err(ApiError::InvalidCacheKey));
        assert_eq!(cache_key("/cache/"), Err(ApiError::InvalidCacheKey));
    }

    #[test]
    fn work_ms() {
        assert_eq!(parse_work_ms(Some("ms=0")), Ok(0));
        assert_eq!(parse_work_ms(Some("ms=1000")), Ok(1000));
        for query in [
            "", "ms=", "ms=1001", "ms=-1", "ms=+1", "ms=1x", "ms=10000", "x=1", "ms=1&x=2",
        ] {
            assert_eq!(
                parse_work_ms(Some(query)),
                Err(ApiError::InvalidWorkMs),
                "{query:?}"
            );
        }
        assert_eq!(parse_work_ms(None), Err(ApiError::InvalidWorkMs));
    }

    #[test]
    fn routes_and_allow() {
        assert_eq!(Route::of("/json"), Route::Json);
        assert_eq!(Route::of("/cache/k"), Route::Cache);
        assert_eq!(Route::of("/cache"), Route::NotFound);
        assert_eq!(Route::Orders.allow(), "POST");
        assert_eq!(Route::Cache.allow(), "GET, PUT, DELETE");
    }
}
