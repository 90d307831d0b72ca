# --- Rust: hyper, offline against Debian's crates --------------------------
set(APIBENCH_DEBIAN_CRATES /usr/share/cargo/registry)
file(GLOB APIBENCH_HYPER_CRATE LIST_DIRECTORIES true ${APIBENCH_DEBIAN_CRATES}/hyper-0.14.*)
if(NOT APIBENCH_CARGO)
  message(STATUS "peer rust-hyper skipped: cargo not found (scripts/setup-peers.sh)")
elseif(NOT APIBENCH_HYPER_CRATE)
  message(STATUS "peer rust-hyper skipped: Debian's hyper 0.14 crate is not in ${APIBENCH_DEBIAN_CRATES} "
                 "(scripts/setup-peers.sh)")
else()
  set(src ${CMAKE_CURRENT_SOURCE_DIR}/rust-hyper)
  set(out ${APIBENCH_PEERS_OUT}/rust-hyper)
  file(GLOB_RECURSE rust_sources CONFIGURE_DEPENDS ${src}/src/*.rs)
  # cargo reads .cargo/config.toml from its working directory: run it in the
  # peer's folder; its target dir stays inside the build dir.
  add_custom_command(
    OUTPUT ${out}/apibench-rust-hyper
    COMMAND ${CMAKE_COMMAND} -E env CARGO_TARGET_DIR=${out}/target
            ${APIBENCH_CARGO} build --release --locked --offline --quiet
    COMMAND ${CMAKE_COMMAND} -E copy ${out}/target/release/apibench-rust-hyper ${out}/apibench-rust-hyper
    DEPENDS ${rust_sources} ${src}/Cargo.toml ${src}/Cargo.lock ${src}/.cargo/config.toml
    WORKING_DIRECTORY ${src}
    COMMENT "Building peer rust-hyper with cargo (offline, Debian's crates)"
    VERBATIM)
  add_custom_target(apibench-peer-rust-hyper ALL DEPENDS ${out}/apibench-rust-hyper)
  if(APIBENCH_BUILD_TESTS)
    # Release profile: the tests reuse the dependencies the build compiled.
    add_test(NAME peers.rust-hyper.unit
             COMMAND ${CMAKE_COMMAND} -E env CARGO_TARGET_DIR=${out}/target
                     ${APIBENCH_CARGO} test --release --locked --offline --quiet
             WORKING_DIRECTORY ${src})
  endif()
endif()

