//! The routes, their handlers, the 405 routes Rocket does not make itself,
//! the catcher, and the fairing that counts every response for /metrics.

use std::io::{Cursor, ErrorKind};
use std::time::Duration;

use apibench_peer::content::{HELLO, Health, Message, Slept};
use apibench_peer::limits::cache_value_limit;
use apibench_peer::metrics::METRICS_CONTENT_TYPE;
use apibench_peer::routes::Route;
use apibench_peer::{ApiError, AppState, Order, Stored};
use bytes::Bytes;
use rocket::data::{ByteUnit, Data};
use rocket::fairing::{Fairing, Info, Kind};
use rocket::http::{ContentType, Method, Status};
use rocket::request::Request;
use rocket::response::content::RawJson;
use rocket::response::{self, Responder, Response};
use rocket::route::{Handler, Outcome};
use rocket::serde::json::{self, Json};
use rocket::{Catcher, State, catch, catchers, delete, get, post, put, routes};

use crate::error::AppError;
use crate::guards::{CacheKey, FramedBody, JsonContentType, WorkMs};

type Answer<T> = Result<T, AppError>;

pub fn routes() -> Vec<rocket::Route> {
    let mut all = routes![
        json_hello,
        plaintext,
        health,
        create_order,
        cache_get,
        cache_put,
        cache_delete,
        work,
        metrics
    ];
    all.extend(method_not_allowed_routes());
    all
}

pub fn catchers() -> Vec<Catcher> {
    catchers![default_catcher]
}

#[get("/json")]
fn json_hello() -> Json<Message> {
    Json(Message::hello())
}

#[get("/plaintext")]
fn plaintext() -> &'static str {
    HELLO
}

#[get("/health")]
fn health() -> Json<Health> {
    Json(Health::ok())
}

#[post("/orders", data = "<order>")]
fn create_order(
    _framed: FramedBody,
    _json: JsonContentType,
    state: &State<AppState>,
    order: Result<Json<Order>, json::Error<'_>>,
) -> Answer<(Status, RawJson<String>)> {
    let order = order.map_err(|err| match err {
        json::Error::Io(err) if err.kind() == ErrorKind::UnexpectedEof => ApiError::PayloadTooLarge,
        json::Error::Io(_) => ApiError::BadRequest,
        json::Error::Parse(_, err) => ApiError::of_order_json(&err),
    })?;
    order.validate()?;
    // The receipt borrows the order, so it is serialized here rather than returned as Json.
    let receipt =
        serde_json::to_string(&state.orders.place(&order)).map_err(|_| ApiError::Internal)?;
    Ok((Status::Created, RawJson(receipt)))
}

/// A cache value, served without copying its bytes.
struct CacheValue(Bytes);

impl<'r> Responder<'r, 'static> for CacheValue {
    fn respond_to(self, _: &'r Request<'_>) -> response::Result<'static> {
        Response::build()
            .header(ContentType::Binary)
            .sized_body(self.0.len(), Cursor::new(self.0))
            .ok()
    }
}

#[get("/cache/<_..>")]
fn cache_get(key: Answer<CacheKey>, state: &State<AppState>) -> Answer<CacheValue> {
    let value = state.cache.get(&key?.0).ok_or(ApiError::NotFound)?;
    Ok(CacheValue(value))
}

#[put("/cache/<_..>", data = "<value>")]
async fn cache_put(
    key: Answer<CacheKey>,
    _framed: FramedBody,
    state: &State<AppState>,
    value: Data<'_>,
) -> Answer<Status> {
    let key = key?.0;
    let limit = ByteUnit::from(cache_value_limit(state.body_limit));
    let value = value
        .open(limit)
        .into_bytes()
        .await
        .map_err(|_| ApiError::BadRequest)?;
    if !value.is_complete() {
        return Err(ApiError::PayloadTooLarge.into());
    }
    Ok(
        match state.cache.put(key, Bytes::from(value.into_inner()))? {
            Stored::Created => Status::Created,
            Stored::Replaced => Status::NoContent,
        },
    )
}

#[delete("/cache/<_..>")]
fn cache_delete(key: Answer<CacheKey>, state: &State<AppState>) -> Answer<Status> {
    if state.cache.delete(&key?.0) {
        Ok(Status::NoContent)
    } else {
        Err(ApiError::NotFound.into())
    }
}

/// Blocks a thread for the requested time, as a blocking downstream call
/// would, on Tokio's blocking pool so the workers keep serving.
#[get("/work")]
async fn work(ms: Answer<WorkMs>) -> Answer<Json<Slept>> {
    let ms = ms?.0;
    rocket::tokio::task::spawn_blocking(move || std::thread::sleep(Duration::from_millis(ms)))
        .await
        .map_err(|_| ApiError::Internal)?;
    Ok(Json(Slept { slept_ms: ms }))
}

#[get("/metrics")]
fn metrics(state: &State<AppState>) -> (ContentType, String) {
    let content_type =
        ContentType::parse_flexible(METRICS_CONTENT_TYPE).unwrap_or(ContentType::Plain);
    (content_type, state.metrics_text())
}

/// Whatever Rocket answers itself (no route: 404; a failed guard: its
/// status), in the contract's JSON.
#[catch(default)]
fn default_catcher(status: Status, _: &Request<'_>) -> AppError {
    AppError::of_status(status)
}

/// Rocket answers a known path with an unserved method 404; the contract
/// asks 405 with Allow, so every other method of each path gets a route
/// that says so.
fn method_not_allowed_routes() -> Vec<rocket::Route> {
    use Method::{Delete, Get, Head, Options, Patch, Post, Put};
    let served: [(&str, Route, &[Method]); 7] = [
        ("/json", Route::Json, &[Get]),
        ("/plaintext", Route::Plaintext, &[Get]),
        ("/health", Route::Health, &[Get]),
        ("/orders", Route::Orders, &[Post]),
        ("/cache/<_..>", Route::Cache, &[Get, Put, Delete]),
        ("/work", Route::Work, &[Get]),
        ("/metrics", Route::Metrics, &[Get]),
    ];
    let mut routes = Vec::new();
    for (path, route, methods) in served {
        for method in [Get, Put, Post, Delete, Patch, Options, Head] {
            // Rocket answers HEAD with the GET route when there is one.
            let answered = methods.contains(&method) || (method == Head && methods.contains(&Get));
            if !answered {
                routes.push(rocket::Route::new(method, path, MethodNotAllowed(route)));
            }
        }
    }
    routes
}

#[derive(Clone, Copy)]
struct MethodNotAllowed(Route);

#[rocket::async_trait]
impl Handler for MethodNotAllowed {
    async fn handle<'r>(&self, request: &'r Request<'_>, _: Data<'r>) -> Outcome<'r> {
        Outcome::from(request, AppError(self.0.method_not_allowed()))
    }
}

/// Counts every response, a catcher's too, under its route and status.
/// (The Server header is Rocket's own, from the `ident` setting.)
pub struct CountResponses;

#[rocket::async_trait]
impl Fairing for CountResponses {
    fn info(&self) -> Info {
        Info {
            name: "apibench /metrics counts",
            kind: Kind::Response,
        }
    }

    async fn on_response<'r>(&self, request: &'r Request<'_>, response: &mut Response<'r>) {
        if let Some(state) = request.rocket().state::<AppState>() {
            let route = Route::of(request.uri().path().as_str());
            state.metrics.count_request(route, response.status().code);
        }
    }
}
