//! Exports, for `--version`, the workspace's Cargo.lock (every package with
//! its version and dependencies) and the rustc that builds the peers, so a
//! peer reports the crate versions it was really built with.

use std::env;
use std::fmt::Write;
use std::fs;
use std::path::PathBuf;
use std::process::Command;

struct Package {
    name: String,
    version: String,
    dependencies: Vec<String>,
}

/// The `[[package]]` tables of a Cargo.lock; its format is flat enough to
/// read line by line, and a build script should not need a TOML crate.
fn locked_packages(lock: &str) -> Vec<Package> {
    let quoted = |line: &str| line.split('"').nth(1).unwrap_or_default().to_owned();
    let mut packages: Vec<Package> = Vec::new();
    let mut in_dependencies = false;
    for line in lock.lines().map(str::trim) {
        if line == "[[package]]" {
            packages.push(Package {
                name: String::new(),
                version: String::new(),
                dependencies: Vec::new(),
            });
            in_dependencies = false;
        } else if let Some(package) = packages.last_mut() {
            if line.starts_with("name = ") {
                package.name = quoted(line);
            } else if line.starts_with("version = ") {
                package.version = quoted(line);
            } else if line.starts_with("dependencies = [") {
                in_dependencies = !line.ends_with(']');
            } else if in_dependencies && line == "]" {
                in_dependencies = false;
            } else if in_dependencies {
                package.dependencies.push(quoted(line));
            }
        }
    }
    packages
}

fn rustc_version() -> String {
    let rustc = env::var("RUSTC").unwrap_or_else(|_| "rustc".to_owned());
    Command::new(rustc)
        .arg("-V")
        .output()
        .ok()
        .and_then(|out| String::from_utf8(out.stdout).ok())
        .map(|version| version.trim().to_owned())
        .unwrap_or_else(|| "rustc (version unknown)".to_owned())
}

fn main() {
    let manifest_dir = PathBuf::from(env::var("CARGO_MANIFEST_DIR").expect("set by cargo"));
    let lock_path = manifest_dir.join("../Cargo.lock");
    println!("cargo:rerun-if-changed={}", lock_path.display());
    let lock = fs::read_to_string(&lock_path).expect("the workspace's Cargo.lock");

    let mut out = String::from("pub(crate) static LOCKED_PACKAGES: &[LockedPackage] = &[\n");
    for p in locked_packages(&lock) {
        writeln!(
            out,
            "    LockedPackage {{ name: {:?}, version: {:?}, dependencies: &{:?} }},",
            p.name, p.version, p.dependencies
        )
        .unwrap();
    }
    out.push_str("];\n");
    writeln!(
        out,
        "pub(crate) const RUSTC_VERSION: &str = {:?};",
        rustc_version()
    )
    .unwrap();

    let out_dir = PathBuf::from(env::var("OUT_DIR").expect("set by cargo"));
    fs::write(out_dir.join("locked.rs"), out).expect("OUT_DIR is writable");
}
