//! Reading a request body within a byte limit.

use http_body::{LengthLimitError, Limited};
use hyper::body::Bytes;
use hyper::header::{CONTENT_LENGTH, TRANSFER_ENCODING};
use hyper::{Body, Request};

use crate::errors::ApiError;

/// Reads the whole body of at most `limit` bytes. hyper reads a request with
/// neither Content-Length nor chunked coding as having no body; the contract
/// answers it 411 instead.
pub async fn read(request: Request<Body>, limit: u64) -> Result<Bytes, ApiError> {
    let headers = request.headers();
    let declared = headers.get(CONTENT_LENGTH);
    if declared.is_none() && !headers.contains_key(TRANSFER_ENCODING) {
        return Err(ApiError::LengthRequired);
    }
    // hyper has already refused a malformed Content-Length; one past the limit is refused unread.
    let declared = declared
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.map_or(false, |length| length > limit) {
        return Err(ApiError::PayloadTooLarge);
    }
    let limit = usize::try_from(limit).unwrap_or(usize::MAX);
    match hyper::body::to_bytes(Limited::new(request.into_body(), limit)).await {
        Ok(bytes) => Ok(bytes),
        Err(err) if err.downcast_ref::<LengthLimitError>().is_some() => {
            Err(ApiError::PayloadTooLarge)
        }
        Err(_) => Err(ApiError::BadRequest),
    }
}
