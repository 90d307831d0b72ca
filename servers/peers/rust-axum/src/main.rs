//! apibench-rust-axum: the apibench API contract (docs/api.md) on axum's
//! Router, extractors and Json, on Tokio. The Router is served through the
//! hyper 1 connection loop the peers share (apibench_peer::serve), as axum's
//! own "serve with hyper" example does, because `axum::serve` has no header
//! or idle timeout and no connection limit.

mod app;
mod error;
mod extract;

use std::process::ExitCode;

use apibench_peer::{Options, serve};
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
    serve::run_on_tokio(PROGRAM, options, |state| {
        TowerToHyperService::new(app::router(state))
    })
}
