//! The command line every apibench server takes (docs/api.md), and how a
//! peer's `main` reads it: `Options::from_args_or_exit`.

use std::process::exit;
use std::time::Duration;

const FLAGS: &str = "[--host H] [--port P] [--threads N] [--cache-mb M] [--body-limit B] \
[--idle-timeout-ms T] [--header-timeout-ms T] [--max-conns C] [--version]";

const KNOWN_FLAGS: [&str; 8] = [
    "--host",
    "--port",
    "--threads",
    "--cache-mb",
    "--body-limit",
    "--idle-timeout-ms",
    "--header-timeout-ms",
    "--max-conns",
];

#[derive(Debug, Clone)]
pub struct Options {
    pub host: String,
    pub port: u16,
    pub threads: usize,
    pub cache_bytes: u64,
    pub body_limit: u64,
    pub idle_timeout: Duration,
    pub header_timeout: Duration,
    pub max_conns: usize,
}

#[derive(Debug)]
pub enum ParseError {
    Help,
    Version,
    Invalid(String),
}

impl Default for Options {
    fn default() -> Self {
        Options {
            host: "127.0.0.1".to_owned(),
            port: 0,
            threads: std::thread::available_parallelism().map_or(1, |n| n.get()),
            cache_bytes: 256 << 20,
            body_limit: 1 << 20,
            idle_timeout: Duration::from_millis(10_000),
            header_timeout: Duration::from_millis(5_000),
            max_conns: 0,
        }
    }
}

/// Parses `--flag value` and `--flag=value` pairs.
pub fn parse(mut args: impl Iterator<Item = String>) -> Result<Options, ParseError> {
    let mut options = Options::default();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--help" | "-h" => return Err(ParseError::Help),
            "--version" => return Err(ParseError::Version),
            _ => {}
        }
        let (flag, value) = match arg.split_once('=') {
            Some((flag, value)) => (flag.to_owned(), value.to_owned()),
            None if !KNOWN_FLAGS.contains(&arg.as_str()) => {
                return Err(invalid(format!("unknown flag {arg}")));
            }
            None => {
                let value = args
                    .next()
                    .ok_or_else(|| invalid(format!("{arg} needs a value")))?;
                (arg, value)
            }
        };
        apply(&mut options, &flag, &value)?;
    }
    Ok(options)
}

impl Options {
    /// The options of this process's command line. `--help` and `--version`
    /// print and exit 0; a bad flag prints one line and a usage hint on
    /// stderr and exits 2, as docs/api.md asks. `version` is the text of
    /// `--version` (`crate::version::describe`).
    pub fn from_args_or_exit(program: &str, version: impl FnOnce() -> String) -> Options {
        match parse(std::env::args().skip(1)) {
            Ok(options) => options,
            Err(ParseError::Help) => {
                println!("usage: {program} {FLAGS}");
                exit(0)
            }
            Err(ParseError::Version) => {
                println!("{}", version());
                exit(0)
            }
            Err(ParseError::Invalid(message)) => {
                eprintln!("{program}: {message}\nRun '{program} --help' for usage.");
                exit(2)
            }
        }
    }
}

fn apply(options: &mut Options, flag: &str, value: &str) -> Result<(), ParseError> {
    match flag {
        "--host" => options.host = value.to_owned(),
        "--port" => options.port = number(flag, value, 0, 65535)? as u16,
        "--threads" => options.threads = number(flag, value, 1, 1024)? as usize,
        "--cache-mb" => options.cache_bytes = number(flag, value, 1, 1 << 20)? << 20,
        "--body-limit" => options.body_limit = number(flag, value, 1, 1 << 30)?,
        "--idle-timeout-ms" => options.idle_timeout = millis(flag, value)?,
        "--header-timeout-ms" => options.header_timeout = millis(flag, value)?,
        "--max-conns" => options.max_conns = number(flag, value, 0, 1 << 30)? as usize,
        _ => return Err(invalid(format!("unknown flag {flag}"))),
    }
    Ok(())
}

fn number(flag: &str, value: &str, min: u64, max: u64) -> Result<u64, ParseError> {
    match value.parse::<u64>() {
        Ok(n) if (min..=max).contains(&n) => Ok(n),
        _ => Err(invalid(format!(
            "{flag} {value} is not a number in {min}..{max}"
        ))),
    }
}

fn millis(flag: &str, value: &str) -> Result<Duration, ParseError> {
    number(flag, value, 1, 3_600_000).map(Duration::from_millis)
}

fn invalid(message: String) -> ParseError {
    ParseError::Invalid(message)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> impl Iterator<Item = String> {
        list.iter()
            .map(|s| s.to_string())
            .collect::<Vec<_>>()
            .into_iter()
    }

    #[test]
    fn reads_every_flag() {
        let o = parse(args(&[
            "--host",
            "::1",
            "--port=8080",
            "--threads",
            "3",
            "--cache-mb",
            "2",
            "--body-limit",
            "100",
            "--idle-timeout-ms",
            "7",
            "--header-timeout-ms",
            "8",
            "--max-conns",
            "9",
        ]))
        .ok()
        .unwrap();
        assert_eq!(
            (
                o.host.as_str(),
                o.port,
                o.threads,
                o.cache_bytes,
                o.body_limit
            ),
            ("::1", 8080, 3, 2 << 20, 100)
        );
        assert_eq!(
            (o.idle_timeout, o.header_timeout, o.max_conns),
            (Duration::from_millis(7), Duration::from_millis(8), 9)
        );
    }

    #[test]
    fn defaults_are_the_contract_s() {
        let o = parse(args(&[])).unwrap();
        assert_eq!((o.host.as_str(), o.port), ("127.0.0.1", 0));
        assert_eq!(
            (o.cache_bytes, o.body_limit, o.max_conns),
            (256 << 20, 1 << 20, 0)
        );
        assert_eq!(
            (o.idle_timeout, o.header_timeout),
            (Duration::from_secs(10), Duration::from_secs(5))
        );
        assert!(o.threads >= 1);
    }

    #[test]
    fn refuses_bad_flags() {
        for bad in [
            &["--threads", "0"][..],
            &["--port", "70000"],
            &["--bogus", "1"],
            &["--cache-mb", "x"],
            &["--port"],
            &["--body-limit", "-1"],
            &["--idle-timeout-ms", "0"],
            &["json"],
        ] {
            assert!(
                matches!(parse(args(bad)), Err(ParseError::Invalid(_))),
                "{bad:?}"
            );
        }
        assert!(matches!(parse(args(&["--help"])), Err(ParseError::Help)));
        assert!(matches!(
            parse(args(&["--port", "1", "--version"])),
            Err(ParseError::Version)
        ));
    }
}
