//! The contract's fixed limits (docs/api.md, "Errors and limits").

use std::time::Duration;

/// Request line and headers; past it, 431.
pub const MAX_HEADER_BYTES: usize = 8 * 1024;
/// A cache value, whatever `--body-limit` says.
pub const MAX_CACHE_VALUE: u64 = 1 << 20;
/// The longest `/work` sleep, in milliseconds.
pub const MAX_WORK_MS: u64 = 1000;
/// How long requests in flight may run on after SIGTERM: the runner waits
/// five seconds before it kills a server.
pub const SHUTDOWN_GRACE: Duration = Duration::from_secs(3);

/// The largest cache value a server with this `--body-limit` takes.
pub fn cache_value_limit(body_limit: u64) -> u64 {
    body_limit.min(MAX_CACHE_VALUE)
}

/// A `POST` or `PUT` must say how long its body is (Content-Length or
/// chunked coding); servers read a request with neither as bodiless, the
/// contract answers it 411.
pub fn require_framed_body(
    has_content_length: bool,
    has_transfer_encoding: bool,
) -> Result<(), crate::ApiError> {
    if has_content_length || has_transfer_encoding {
        Ok(())
    } else {
        Err(crate::ApiError::LengthRequired)
    }
}
