//! The contract's routes: one async function per route, dispatched on the
//! route and method.

use std::convert::Infallible;
use std::sync::Arc;
use std::time::Duration;

use apibench_peer::content::{self, Health, Message, OCTETS, Slept, TEXT};
use apibench_peer::limits::cache_value_limit;
use apibench_peer::metrics::METRICS_CONTENT_TYPE;
use apibench_peer::routes::{self, Route};
use apibench_peer::{ApiError, AppState, OrderBook, Stored};
use hyper::body::Incoming;
use hyper::header::{CONTENT_TYPE, HeaderValue, SERVER};
use hyper::{Method, Request, Response, StatusCode};

use crate::SERVER_NAME;
use crate::responses::{self, Body};

/// Answers one request: every error becomes its contract response, and every
/// response is counted and named.
pub async fn handle(
    state: Arc<AppState>,
    request: Request<Incoming>,
) -> Result<Response<Body>, Infallible> {
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
    request: Request<Incoming>,
) -> Result<Response<Body>, ApiError> {
    match (route, request.method()) {
        (Route::Json, &Method::GET) => Ok(responses::json(StatusCode::OK, &Message::hello())),
        (Route::Plaintext, &Method::GET) => {
            Ok(responses::with_body(StatusCode::OK, TEXT, content::HELLO))
        }
        (Route::Health, &Method::GET) => Ok(responses::json(StatusCode::OK, &Health::ok())),
        (Route::Orders, &Method::POST) => create_order(state, request).await,
        (Route::Work, &Method::GET) => work(request).await,
        (Route::Metrics, &Method::GET) => Ok(responses::with_body(
            StatusCode::OK,
            METRICS_CONTENT_TYPE,
            state.metrics_text(),
        )),
        (Route::Cache, &Method::GET | &Method::PUT | &Method::DELETE) => {
            cache(state, request).await
        }
        (Route::NotFound, _) => Err(ApiError::NotFound),
        (route, _) => Err(route.method_not_allowed()),
    }
}

async fn create_order(
    state: &AppState,
    request: Request<Incoming>,
) -> Result<Response<Body>, ApiError> {
    let content_type = request
        .headers()
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok());
    if !content::is_json(content_type) {
        return Err(ApiError::UnsupportedMediaType);
    }
    let body = crate::body::read(request, state.body_limit).await?;
    let order = OrderBook::parse(&body)?;
    Ok(responses::json(
        StatusCode::CREATED,
        &state.orders.place(&order),
    ))
}

/// Blocks a thread for the requested time, as a blocking downstream call
/// would, on Tokio's blocking pool so the event loops keep serving.
async fn work(request: Request<Incoming>) -> Result<Response<Body>, ApiError> {
    let ms = routes::parse_work_ms(request.uri().query())?;
    tokio::task::spawn_blocking(move || std::thread::sleep(Duration::from_millis(ms)))
        .await
        .map_err(|_| ApiError::Internal)?;
    Ok(responses::json(StatusCode::OK, &Slept { slept_ms: ms }))
}

/// /cache/{key}: the key is the raw path after the prefix (never decoded).
async fn cache(state: &AppState, request: Request<Incoming>) -> Result<Response<Body>, ApiError> {
    let key = routes::cache_key(request.uri().path())?.to_owned();
    match *request.method() {
        Method::GET => {
            let value = state.cache.get(&key).ok_or(ApiError::NotFound)?;
            Ok(responses::with_body(StatusCode::OK, OCTETS, value))
        }
        Method::PUT => {
            let value = crate::body::read(request, cache_value_limit(state.body_limit)).await?;
            Ok(responses::empty(match state.cache.put(key, value)? {
                Stored::Created => StatusCode::CREATED,
                Stored::Replaced => StatusCode::NO_CONTENT,
            }))
        }
        _ if state.cache.delete(&key) => Ok(responses::empty(StatusCode::NO_CONTENT)),
        _ => Err(ApiError::NotFound),
    }
}
