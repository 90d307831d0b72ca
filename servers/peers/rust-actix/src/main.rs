//! apibench-rust-actix: the apibench API contract (docs/api.md) on
//! Actix-web 4: its HttpServer (one single-threaded runtime per worker), App
//! routing, extractors and Json.

mod app;
mod error;

use std::net::{IpAddr, SocketAddr};
use std::process::ExitCode;
use std::sync::Arc;

use actix_web::middleware::from_fn;
use actix_web::{App, HttpServer, web};
use apibench_peer::limits::SHUTDOWN_GRACE;
use apibench_peer::signals::stop_signal;
use apibench_peer::{AppState, Options};

const PROGRAM: &str = env!("CARGO_PKG_NAME");
const SERVER_NAME: &str = "rust-actix";

fn main() -> ExitCode {
    let options = Options::from_args_or_exit(PROGRAM, || {
        apibench_peer::version::describe(
            PROGRAM,
            env!("CARGO_PKG_VERSION"),
            &["actix-web", "actix-http", "tokio", "serde_json"],
        )
    });
    match actix_web::rt::System::new().block_on(run(options)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("{PROGRAM}: {message}");
            ExitCode::FAILURE
        }
    }
}

async fn run(options: Options) -> Result<(), String> {
    let ip: IpAddr = options
        .host
        .parse()
        .map_err(|_| format!("--host {} is not an IP address", options.host))?;
    let state = web::Data::from(Arc::new(AppState::new(&options)));
    let metrics = state.metrics.clone();
    let mut server = HttpServer::new(move || {
        App::new()
            .wrap(from_fn(app::name_and_count))
            .configure(app::config(state.clone()))
    })
    .workers(options.threads)
    .keep_alive(options.idle_timeout)
    .client_request_timeout(options.header_timeout)
    // Counts the connection while its dispatcher (and so this value) lives.
    .on_connect(move |_, connection_data| {
        connection_data.insert(metrics.admit_connection(0));
    })
    .disable_signals()
    .shutdown_signal(stop_signal())
    .shutdown_timeout(SHUTDOWN_GRACE.as_secs());
    if options.max_conns > 0 {
        // Actix counts connections per worker, and pauses accepting at the
        // limit rather than closing the new connection (README.md).
        server = server.max_connections(options.max_conns.div_ceil(options.threads));
    }
    let server = server
        .bind(SocketAddr::new(ip, options.port))
        .map_err(|err| format!("cannot bind {}:{}: {err}", options.host, options.port))?;
    let port = server
        .addrs()
        .first()
        .map_or(options.port, SocketAddr::port);
    println!("listening on {}:{port}", options.host);
    server.run().await.map_err(|err| err.to_string())
}
