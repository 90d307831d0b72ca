//! The contract's routes: one async function per route, dispatched on the
//! route and method.

use std::sync::Arc;
use std::time::Duration;

use hyper::header::{HeaderValue, CONTENT_TYPE, SERVER};
use hyper::{Body, Method, Request, Response, StatusCode};
use serde::Serialize;

use crate::cache::{Cache, Stored};
use crate::errors::ApiError;
use crate::metrics::Metrics;
use crate::orders::OrderBook;
use crate::responses::{self, JSON, METRICS, OCTETS, TEXT};
use crate::routes::{self, Route, CACHE_PREFIX};
use crate::SERVER_NAME;

const HELLO: &str = "Hello, World!";
const HEALTH: &str = r#"{"status":"ok"}"#;
const MAX_CACHE_VALUE: u64 = 1 << 20;

/// What every request shares.
pub struct AppState {
    pub cache: Cache,
    pub orders: OrderBook,
    pub metrics: Metrics,
    pub body_limit: u64,
}

#[derive(Serialize)]
struct Message {
    message: &'static str,
}

#[derive(Serialize)]
struct Slept {
    slept_ms: u64,
}

/// Answers one request: every error becomes its contract response, and every
/// response is counted and named.
pub async fn handle(
    state: Arc<AppState>,
    request: Request<Body>,
) -> Result<Response<Body>, hyper::Error> {
    let route = Route::of(request.uri().path());
    let mut response = dispatch(route, &state, request)
        .await
        .unwrap_or_else(responses::error);
    response
        .headers_mut()
        .insert(SERVER, HeaderValue::from_static(SERVER_NAME));
    state
        .metrics
        .count_request(route, response.status().as_u16());
    Ok(response)
}

async fn dispatch(
    route: Route,
    state: &AppState,
    request: Request<Body>,
) -> Result<Response<Body>, ApiError> {
    match (route, request.method()) {
        (Route::Json, &Method::GET) => {
            Ok(responses::json(StatusCode::OK, &Message { message: HELLO }))
        }
        (Route::Plaintext, &Method::GET) => Ok(responses::with_body(StatusCode::OK, TEXT, HELLO)),
        (Route::Health, &Method::GET) => Ok(responses::with_body(StatusCode::OK, JSON, HEALTH)),
        (Route::Orders, &Method::POST) => create_order(state, request).await,
        (Route::Work, &Method::GET) => work(request).await,
        (Route::Metrics, &Method::GET) => {
            let text = state.metrics.render(&state.cache.stats());
            Ok(responses::with_body(StatusCode::OK, METRICS, text))
        }
        (Route::Cache, &Method::GET | &Method::PUT | &Method::DELETE) => {
            cache(state, request).await
        }
        (Route::NotFound, _) => Err(ApiError::NotFound),
        (route, _) => Err(ApiError::MethodNotAllowed {
            allow: route.allow(),
        }),
    }
}

async fn create_order(
    state: &AppState,
    request: Request<Body>,
) -> Result<Response<Body>, ApiError> {
    if !is_json(request.headers().get(CONTENT_TYPE)) {
        return Err(ApiError::UnsupportedMediaType);
    }
    let body = crate::body::read(request, state.body_limit).await?;
    let order = OrderBook::parse(&body)?;
    Ok(responses::json(
        StatusCode::CREATED,
        &state.orders.place(&order),
    ))
}

/// `application/json`, parameters such as `; charset=utf-8` allowed.
fn is_json(content_type: Option<&HeaderValue>) -> bool {
    let value = content_type.and_then(|v| v.to_str().ok()).unwrap_or("");
    let media_type = value.split(';').next().unwrap_or("").trim();
    media_type.eq_ignore_ascii_case(JSON)
}

/// Blocks a thread for the requested time, as a blocking downstream call
/// would, on Tokio's blocking pool so the event loops keep serving.
async fn work(request: Request<Body>) -> Result<Response<Body>, ApiError> {
    let ms = routes::parse_work_ms(request.uri().query()).ok_or(ApiError::InvalidWorkMs)?;
    tokio::task::spawn_blocking(move || std::thread::sleep(Duration::from_millis(ms)))
        .await
        .map_err(|_| ApiError::Internal)?;
    Ok(responses::json(StatusCode::OK, &Slept { slept_ms: ms }))
}

/// /cache/{key}: the key is the raw path after the prefix (never decoded).
async fn cache(state: &AppState, request: Request<Body>) -> Result<Response<Body>, ApiError> {
    let key = request.uri().path()[CACHE_PREFIX.len()..].to_owned();
    if !routes::valid_cache_key(&key) {
        return Err(ApiError::InvalidCacheKey);
    }
    match *request.method() {
        Method::GET => {
            let value = state.cache.get(&key).ok_or(ApiError::NotFound)?;
            Ok(responses::with_body(StatusCode::OK, OCTETS, value))
        }
        Method::PUT => {
            let value = crate::body::read(request, state.body_limit.min(MAX_CACHE_VALUE)).await?;
            Ok(responses::empty(match state.cache.put(key, value)? {
                Stored::Created => StatusCode::CREATED,
                Stored::Replaced => StatusCode::NO_CONTENT,
            }))
        }
        _ => {
            if state.cache.delete(&key) {
                Ok(responses::empty(StatusCode::NO_CONTENT))
            } else {
                Err(ApiError::NotFound)
            }
        }
    }
}
