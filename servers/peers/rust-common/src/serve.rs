//! The hyper 1 connection loop that rust-hyper and rust-axum serve through:
//! bind, announce, admit within `--max-conns`, serve HTTP/1 within the
//! contract's limits, and on SIGTERM or SIGINT stop accepting and let the
//! requests in flight finish.

use std::error::Error as StdError;
use std::net::{IpAddr, SocketAddr};
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

use hyper::body::{Body, Incoming};
use hyper::server::conn::http1;
use hyper::service::HttpService;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use tokio::net::TcpListener;

use crate::AppState;
use crate::limits::{MAX_HEADER_BYTES, SHUTDOWN_GRACE};
use crate::metrics::Metrics;
use crate::options::Options;
use crate::signals::stop_signal;

/// A failed accept (out of file descriptors, say) is retried after this
/// pause, so the loop does not spin while the condition lasts.
const ACCEPT_RETRY: Duration = Duration::from_millis(10);

/// A peer's whole life on this loop: a Tokio runtime of `--threads` workers,
/// the listener, the shared state, and the service `make_service` builds on
/// it, served until SIGTERM or SIGINT. What rust-hyper's and rust-axum's
/// `main` share; they differ only in the service.
pub fn run_on_tokio<F, S, B>(program: &str, options: Options, make_service: F) -> ExitCode
where
    F: FnOnce(Arc<AppState>) -> S,
    S: HttpService<Incoming, ResBody = B> + Clone + Send + 'static,
    S::Future: Send + 'static,
    B: Body + Send + 'static,
    B::Data: Send,
    B::Error: Into<Box<dyn StdError + Send + Sync>>,
{
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(options.threads)
        .enable_all()
        .build();
    let runtime = match runtime {
        Ok(runtime) => runtime,
        Err(err) => {
            eprintln!("{program}: cannot start the Tokio runtime: {err}");
            return ExitCode::FAILURE;
        }
    };
    runtime.block_on(async move {
        let listener = match bind_and_announce(&options).await {
            Ok(listener) => listener,
            Err(message) => {
                eprintln!("{program}: {message}");
                return ExitCode::FAILURE;
            }
        };
        let state = Arc::new(AppState::new(&options));
        let metrics = state.metrics.clone();
        serve(listener, &options, metrics, make_service(state)).await;
        ExitCode::SUCCESS
    })
}

/// Binds `--host`:`--port` and prints the ready line runners wait for.
pub async fn bind_and_announce(options: &Options) -> Result<TcpListener, String> {
    let ip: IpAddr = options
        .host
        .parse()
        .map_err(|_| format!("--host {} is not an IP address", options.host))?;
    let listener = TcpListener::bind(SocketAddr::new(ip, options.port))
        .await
        .map_err(|err| format!("cannot bind {}:{}: {err}", options.host, options.port))?;
    let port = listener.local_addr().map_err(|err| err.to_string())?.port();
    println!("listening on {}:{port}", options.host);
    Ok(listener)
}

/// Serves every connection of `listener` with `service` until the stop signal.
///
/// hyper 1 has one timer for a connection waiting for a request head: it
/// starts when the connection is ready for its next request, so it bounds
/// both slow headers and idle keep-alive connections, at `--header-timeout-ms`.
pub async fn serve<S, B>(
    listener: TcpListener,
    options: &Options,
    metrics: Arc<Metrics>,
    service: S,
) where
    S: HttpService<Incoming, ResBody = B> + Clone + Send + 'static,
    S::Future: Send + 'static,
    B: Body + Send + 'static,
    B::Data: Send,
    B::Error: Into<Box<dyn StdError + Send + Sync>>,
{
    let mut http = http1::Builder::new();
    http.timer(TokioTimer::new())
        .header_read_timeout(options.header_timeout)
        .max_buf_size(MAX_HEADER_BYTES);
    let graceful = GracefulShutdown::new();
    let stop = stop_signal();
    tokio::pin!(stop);
    loop {
        let stream = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => stream,
                Err(_) => {
                    tokio::time::sleep(ACCEPT_RETRY).await;
                    continue;
                }
            },
            () = &mut stop => break,
        };
        // Past --max-conns the stream is dropped here: closed at once, counted.
        let Some(open) = metrics.admit_connection(options.max_conns) else {
            continue;
        };
        let _ = stream.set_nodelay(true);
        let connection =
            graceful.watch(http.serve_connection(TokioIo::new(stream), service.clone()));
        tokio::spawn(async move {
            // A connection's errors (a reset, a timeout) end only that connection.
            let _ = connection.await;
            drop(open);
        });
    }
    drop(listener);
    let _ = tokio::time::timeout(SHUTDOWN_GRACE, graceful.shutdown()).await;
}
