//! Reading a request body within a byte limit.

use apibench_peer::ApiError;
use apibench_peer::limits::require_framed_body;
use bytes::Bytes;
use http_body_util::{BodyExt, LengthLimitError, Limited};
use hyper::Request;
use hyper::body::Incoming;
use hyper::header::{CONTENT_LENGTH, TRANSFER_ENCODING};

/// Reads the whole body of at most `limit` bytes.
pub async fn read(request: Request<Incoming>, limit: u64) -> Result<Bytes, ApiError> {
    let headers = request.headers();
    let declared = headers.get(CONTENT_LENGTH);
    require_framed_body(declared.is_some(), headers.contains_key(TRANSFER_ENCODING))?;
    // hyper has already refused a malformed Content-Length; one past the limit is refused unread.
    let declared = declared
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|length| length > limit) {
        return Err(ApiError::PayloadTooLarge);
    }
    let limit = usize::try_from(limit).unwrap_or(usize::MAX);
    match Limited::new(request.into_body(), limit).collect().await {
        Ok(collected) => Ok(collected.to_bytes()),
        Err(err) if err.downcast_ref::<LengthLimitError>().is_some() => {
            Err(ApiError::PayloadTooLarge)
        }
        Err(_) => Err(ApiError::BadRequest),
    }
}
