//! The Router: the contract's routes, their handlers, and the middleware
//! that names the server and counts every response for /metrics.

use std::sync::Arc;
use std::time::Duration;

use apibench_peer::content::{HELLO, Health, Message, OCTETS, Slept};
use apibench_peer::limits::cache_value_limit;
use apibench_peer::metrics::METRICS_CONTENT_TYPE;
use apibench_peer::routes::{self, Route};
use apibench_peer::{ApiError, AppState, Order, Stored};
use axum::extract::rejection::{BytesRejection, JsonRejection};
use axum::extract::{DefaultBodyLimit, RawQuery, Request, State};
use axum::http::header::{CONTENT_TYPE, HeaderValue, SERVER};
use axum::http::{StatusCode, Uri};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{MethodRouter, get, post};
use axum::{Json, Router};
use bytes::Bytes;

use crate::SERVER_NAME;
use crate::error::AppError;
use crate::extract::{CacheKey, FramedBody};

type SharedState = Arc<AppState>;

pub fn router(state: SharedState) -> Router {
    let body_limit = usize::try_from(state.body_limit).unwrap_or(usize::MAX);
    let cache_limit = usize::try_from(cache_value_limit(state.body_limit)).unwrap_or(usize::MAX);
    let cache: MethodRouter<SharedState> = get(cache_get)
        .put(cache_put)
        .delete(cache_delete)
        .layer(DefaultBodyLimit::max(cache_limit));
    Router::new()
        .route("/json", get(json))
        .route("/plaintext", get(plaintext))
        .route("/health", get(health))
        .route("/orders", post(create_order))
        // An empty key is refused by the handler (400), not left unrouted.
        .route("/cache/", cache.clone())
        .route("/cache/{*key}", cache)
        .route("/work", get(work))
        .route("/metrics", get(metrics))
        .fallback(not_found)
        .method_not_allowed_fallback(method_not_allowed)
        .layer(DefaultBodyLimit::max(body_limit))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            name_and_count,
        ))
        .with_state(state)
}

/// Adds the Server header and counts the response under its route.
async fn name_and_count(
    State(state): State<SharedState>,
    request: Request,
    next: Next,
) -> Response {
    let route = Route::of(request.uri().path());
    let mut response = next.run(request).await;
    response
        .headers_mut()
        .insert(SERVER, HeaderValue::from_static(SERVER_NAME));
    state
        .metrics
        .count_request(route, response.status().as_u16());
    response
}

async fn json() -> Json<Message> {
    Json(Message::hello())
}

async fn plaintext() -> &'static str {
    HELLO
}

async fn health() -> Json<Health> {
    Json(Health::ok())
}

async fn create_order(
    State(state): State<SharedState>,
    _: FramedBody,
    order: Result<Json<Order>, JsonRejection>,
) -> Result<Response, AppError> {
    let Json(order) = order?;
    order.validate()?;
    Ok((StatusCode::CREATED, Json(state.orders.place(&order))).into_response())
}

async fn cache_get(
    State(state): State<SharedState>,
    CacheKey(key): CacheKey,
) -> Result<Response, AppError> {
    let value = state.cache.get(&key).ok_or(ApiError::NotFound)?;
    Ok(([(CONTENT_TYPE, OCTETS)], value).into_response())
}

async fn cache_put(
    State(state): State<SharedState>,
    CacheKey(key): CacheKey,
    _: FramedBody,
    value: Result<Bytes, BytesRejection>,
) -> Result<StatusCode, AppError> {
    Ok(match state.cache.put(key, value?)? {
        Stored::Created => StatusCode::CREATED,
        Stored::Replaced => StatusCode::NO_CONTENT,
    })
}

async fn cache_delete(
    State(state): State<SharedState>,
    CacheKey(key): CacheKey,
) -> Result<StatusCode, AppError> {
    if state.cache.delete(&key) {
        Ok(StatusCode::NO_CONTENT)
    } else {
        Err(ApiError::NotFound.into())
    }
}

/// Blocks a thread for the requested time, as a blocking downstream call
/// would, on Tokio's blocking pool so the event loops keep serving.
async fn work(RawQuery(query): RawQuery) -> Result<Json<Slept>, AppError> {
    let ms = routes::parse_work_ms(query.as_deref())?;
    tokio::task::spawn_blocking(move || std::thread::sleep(Duration::from_millis(ms)))
        .await
        .map_err(|_| ApiError::Internal)?;
    Ok(Json(Slept { slept_ms: ms }))
}

async fn metrics(State(state): State<SharedState>) -> impl IntoResponse {
    ([(CONTENT_TYPE, METRICS_CONTENT_TYPE)], state.metrics_text())
}

async fn not_found() -> AppError {
    ApiError::NotFound.into()
}

async fn method_not_allowed(uri: Uri) -> AppError {
    Route::of(uri.path()).method_not_allowed().into()
}
