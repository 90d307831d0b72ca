//! apibench-rust-axum: the apibench API contract (docs/api.md) on axum's
//! Router, extractors and Json, on Tokio. The Router is served through the
//! hyper 1 connection loop the peers share (apibench_peer::serve), as axum's
//! own "serve with hyper" example does, because `axum::serve` has no header
//! or idle timeout and no connection limit.

mod app;
mod error;
mod extract;

use std::process::ExitCode;
use std::sync::Arc;

use apibench_peer::{AppState, Options, serve};
use hyper_util::service::TowerToHyperService;

const PROGRAM: &str = env!("CARGO_PKG_NAME");
const SERVER_NAME: &str = "rust-axum";

fn main() -> ExitCode {
    let options = Options::from_args_or_exit(PROGRAM, || {
        apibench_peer::version::describe(
            PROGRAM,
            env!("CARGO_PKG_VERSION"),
            &["axum", "hyper", "tokio", "serde_json"],
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
    let service = TowerToHyperService::new(app::router(state));
    serve::serve(listener, &options, metrics, service).await;
    ExitCode::SUCCESS
}
