//! apibench-rust-hyper: the apibench API contract (docs/api.md) served with
//! hyper 1 on Tokio, with serde_json: the stack the article names.

mod body;
mod handlers;
mod responses;

use std::process::ExitCode;

use apibench_peer::{Options, serve};
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
    serve::run_on_tokio(PROGRAM, options, |state| {
        service_fn(move |request| handlers::handle(state.clone(), request))
    })
}
