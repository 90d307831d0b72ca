//! The contract's errors as Rocket responses.

use std::io::Cursor;

use apibench_peer::ApiError;
use rocket::http::{ContentType, Status};
use rocket::request::Request;
use rocket::response::{self, Responder, Response};

/// An error a handler or guard ends in.
#[derive(Debug)]
pub struct AppError(pub ApiError);

impl From<ApiError> for AppError {
    fn from(err: ApiError) -> Self {
        AppError(err)
    }
}

impl AppError {
    /// A status Rocket answered itself (a catcher's), in the contract's words.
    pub fn of_status(status: Status) -> AppError {
        AppError(match status.code {
            404 => ApiError::NotFound,
            411 => ApiError::LengthRequired,
            413 => ApiError::PayloadTooLarge,
            415 => ApiError::UnsupportedMediaType,
            400..=499 => ApiError::BadRequest,
            _ => ApiError::Internal,
        })
    }
}

impl<'r> Responder<'r, 'static> for AppError {
    fn respond_to(self, _: &'r Request<'_>) -> response::Result<'static> {
        let err = self.0;
        let body = err.body();
        let mut response = Response::build();
        response
            .status(Status::new(err.status()))
            .header(ContentType::JSON)
            .sized_body(body.len(), Cursor::new(body));
        if let Some(allow) = err.allow() {
            response.raw_header("Allow", allow);
        }
        if err.closes_connection() {
            response.raw_header("Connection", "close");
        }
        response.ok()
    }
}
