//! The App: the contract's resources and handlers, and the middleware that
//! names the server and counts every response for /metrics.

use std::time::Duration;

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{CONTENT_LENGTH, HeaderValue, SERVER, TRANSFER_ENCODING};
use actix_web::middleware::Next;
use actix_web::{HttpRequest, HttpResponse, Resource, web};
use apibench_peer::content::{HELLO, Health, Message, OCTETS, Slept, TEXT};
use apibench_peer::limits::{cache_value_limit, require_framed_body};
use apibench_peer::metrics::METRICS_CONTENT_TYPE;
use apibench_peer::routes::{self, Route};
use apibench_peer::{ApiError, AppState, Order, Stored};

use crate::SERVER_NAME;
use crate::error::{self, AppError};

type State = web::Data<AppState>;

/// The routes of the App, for `App::configure`.
pub fn config(state: State) -> impl FnOnce(&mut web::ServiceConfig) {
    move |config| {
        let json = web::JsonConfig::default()
            .limit(usize::try_from(state.body_limit).unwrap_or(usize::MAX))
            .error_handler(error::json_error);
        config
            .app_data(state)
            .app_data(json)
            .service(resource("/json", Route::Json).route(web::get().to(json_hello)))
            .service(resource("/plaintext", Route::Plaintext).route(web::get().to(plaintext)))
            .service(resource("/health", Route::Health).route(web::get().to(health)))
            .service(resource("/orders", Route::Orders).route(web::post().to(create_order)))
            .service(
                resource("/cache/{key:.*}", Route::Cache)
                    .route(web::get().to(cache_get))
                    .route(web::put().to(cache_put))
                    .route(web::delete().to(cache_delete)),
            )
            .service(resource("/work", Route::Work).route(web::get().to(work)))
            .service(resource("/metrics", Route::Metrics).route(web::get().to(metrics)))
            .default_service(web::to(not_found));
    }
}

/// A resource whose other methods are answered 405 with the route's Allow.
fn resource(path: &str, route: Route) -> Resource {
    web::resource(path).default_service(web::to(move || async move {
        Err::<HttpResponse, _>(AppError(route.method_not_allowed()))
    }))
}

/// Adds the Server header and counts the response under its route: the
/// App's middleware (`middleware::from_fn`), so it sees every response.
pub async fn name_and_count(
    request: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let route = Route::of(request.path());
    let metrics = request
        .app_data::<State>()
        .map(|state| state.metrics.clone());
    let mut response = next.call(request).await?;
    response
        .headers_mut()
        .insert(SERVER, HeaderValue::from_static(SERVER_NAME));
    if let Some(metrics) = metrics {
        metrics.count_request(route, response.status().as_u16());
    }
    Ok(response)
}

async fn json_hello() -> web::Json<Message> {
    web::Json(Message::hello())
}

async fn plaintext() -> HttpResponse {
    HttpResponse::Ok().content_type(TEXT).body(HELLO)
}

async fn health() -> web::Json<Health> {
    web::Json(Health::ok())
}

/// actix-http reads a `POST` or `PUT` with neither Content-Length nor
/// chunked coding as empty; the contract answers it 411.
fn require_length(request: &HttpRequest) -> Result<(), ApiError> {
    let headers = request.headers();
    require_framed_body(
        headers.contains_key(CONTENT_LENGTH),
        headers.contains_key(TRANSFER_ENCODING),
    )
}

async fn create_order(
    request: HttpRequest,
    state: State,
    order: Result<web::Json<Order>, actix_web::Error>,
) -> Result<HttpResponse, actix_web::Error> {
    require_length(&request).map_err(AppError)?;
    let order = order?;
    order.validate().map_err(AppError)?;
    Ok(HttpResponse::Created().json(state.orders.place(&order)))
}

/// The key of `/cache/{key}`, from the raw path: Actix's path parameters
/// are percent-decoded, and the contract's keys are never decoded.
fn cache_key(request: &HttpRequest) -> Result<String, AppError> {
    Ok(routes::cache_key(request.path())?.to_owned())
}

async fn cache_get(request: HttpRequest, state: State) -> Result<HttpResponse, AppError> {
    let value = state
        .cache
        .get(&cache_key(&request)?)
        .ok_or(ApiError::NotFound)?;
    Ok(HttpResponse::Ok().content_type(OCTETS).body(value))
}

async fn cache_put(
    request: HttpRequest,
    state: State,
    body: web::Payload,
) -> Result<HttpResponse, AppError> {
    let key = cache_key(&request)?;
    require_length(&request)?;
    let limit = usize::try_from(cache_value_limit(state.body_limit)).unwrap_or(usize::MAX);
    let value = match body.to_bytes_limited(limit).await {
        Ok(Ok(value)) => value,
        Ok(Err(_)) => return Err(ApiError::BadRequest.into()),
        Err(_) => return Err(ApiError::PayloadTooLarge.into()),
    };
    Ok(match state.cache.put(key, value)? {
        Stored::Created => HttpResponse::Created().finish(),
        Stored::Replaced => HttpResponse::NoContent().finish(),
    })
}

async fn cache_delete(request: HttpRequest, state: State) -> Result<HttpResponse, AppError> {
    if state.cache.delete(&cache_key(&request)?) {
        Ok(HttpResponse::NoContent().finish())
    } else {
        Err(ApiError::NotFound.into())
    }
}

/// Blocks a thread for the requested time, as a blocking downstream call
/// would, on Actix's blocking pool so the workers keep serving.
async fn work(request: HttpRequest) -> Result<web::Json<Slept>, AppError> {
    let ms = routes::parse_work_ms(Some(request.query_string()))?;
    web::block(move || std::thread::sleep(Duration::from_millis(ms)))
        .await
        .map_err(|_| ApiError::Internal)?;
    Ok(web::Json(Slept { slept_ms: ms }))
}

async fn metrics(state: State) -> HttpResponse {
    HttpResponse::Ok()
        .content_type(METRICS_CONTENT_TYPE)
        .body(state.metrics_text())
}

async fn not_found() -> Result<HttpResponse, AppError> {
    Err(ApiError::NotFound.into())
}
