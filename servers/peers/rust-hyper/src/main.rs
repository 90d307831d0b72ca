//! apibench-rust-hyper: the apibench API contract (docs/api.md) served with
//! hyper 1 on Tokio, with serde_json: the stack the article names.

mod body;
mod handlers;
mod responses;

use std::process::ExitCode;
use std::sync::Arc;

use apibench_peer::{AppState, Options, serve};
use hyper::service::service_fn;

const PROGRAM: &str = env!("CARGO_PKG_NAME");
pub const SERVER_NAME: &str = "rust-hyper";

fn main() -> ExitCode {
    let options = Options::from_args_or_exit(PROGRAM, || {
        apibench_peer::version::describe(
            PROGRAM,
            env!("CARGO_PKG_VERSION"),
            &["hyper", "hyper-util", "tokio", "serde_json"],
        )
    });
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(options.threads)
        .enable_all()
        .build();
    match runtime {
        Ok(runtime) => runtime.block_on(run(options)),
        Err(err) => {
            eprintln!("{PROGRAM}: cannot start the Tokio runtime: {err}");
            ExitCode::FAILURE
        }
    }
}

async fn run(options: Options) -> ExitCode {
    let listener = match serve::bind_and_announce(&options).await {
        Ok(listener) => listener,
        Err(message) => {
            eprintln!("{PROGRAM}: {message}");
            return ExitCode::FAILURE;
        }
    };
    let state = Arc::new(AppState::new(&options));
    let metrics = state.metrics.clone();
    let service = service_fn(move |request| handlers::handle(state.clone(), request));
    serve::serve(listener, &options, metrics, service).await;
    ExitCode::SUCCESS
}
