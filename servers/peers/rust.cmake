# --- Rust: one Cargo workspace (servers/peers/Cargo.toml) -------------------
# cargo builds the four peers at once into ONE target dir, so the crates they
# share (Tokio, Serde, hyper) compile once; each peer's target copies its
# binary to <build>/servers/peers/<name>/. The crates come from crates.io,
# pinned by Cargo.lock and fetched beforehand by scripts/setup-peers.sh, so
# the build itself runs offline.
set(APIBENCH_RUST_PEERS rust-hyper rust-axum rust-actix rust-rocket)
set(APIBENCH_RUST_WORKSPACE ${CMAKE_CURRENT_SOURCE_DIR})
set(APIBENCH_CARGO_TARGET_DIR ${APIBENCH_PEERS_OUT}/cargo-target)

# Why the Rust peers cannot be built here, or "" when they can.
function(apibench_rust_unavailable_reason out_var)
  if(NOT APIBENCH_CARGO)
    set(${out_var} "cargo not found (install Rust with rustup)" PARENT_SCOPE)
    return()
  endif()
  file(STRINGS ${APIBENCH_RUST_WORKSPACE}/Cargo.toml required REGEX "^rust-version = ")
  string(REGEX MATCH "[0-9]+\\.[0-9]+(\\.[0-9]+)?" required "${required}")
  get_filename_component(cargo_dir ${APIBENCH_CARGO} DIRECTORY)
  find_program(APIBENCH_RUSTC rustc HINTS ${cargo_dir} NO_DEFAULT_PATH)
  find_program(APIBENCH_RUSTC rustc)
  if(NOT APIBENCH_RUSTC)
    set(${out_var} "rustc not found beside ${APIBENCH_CARGO}" PARENT_SCOPE)
    return()
  endif()
  execute_process(COMMAND ${APIBENCH_RUSTC} -V OUTPUT_VARIABLE rustc_version RESULT_VARIABLE status
                  ERROR_QUIET OUTPUT_STRIP_TRAILING_WHITESPACE)
  string(REGEX MATCH "[0-9]+\\.[0-9]+\\.[0-9]+" found "${rustc_version}")
  if(NOT status EQUAL 0 OR NOT found)
    set(${out_var} "${APIBENCH_RUSTC} -V failed" PARENT_SCOPE)
    return()
  elseif(found VERSION_LESS required)
    set(${out_var} "rustc ${found} is older than the workspace's rust-version ${required} (rustup update)" PARENT_SCOPE)
    return()
  endif()
  # The build is offline: every locked crate must already be in cargo's cache.
  execute_process(COMMAND ${APIBENCH_CARGO} fetch --locked --offline --quiet
                          --manifest-path ${APIBENCH_RUST_WORKSPACE}/Cargo.toml
                  RESULT_VARIABLE status OUTPUT_QUIET ERROR_QUIET)
  if(NOT status EQUAL 0)
    set(${out_var} "the crates of Cargo.lock are not fetched (scripts/setup-peers.sh)" PARENT_SCOPE)
  else()
    set(${out_var} "" PARENT_SCOPE)
  endif()
endfunction()

apibench_rust_unavailable_reason(why)
if(why)
  list(JOIN APIBENCH_RUST_PEERS ", " names)
  message(STATUS "peers ${names} skipped: ${why}")
else()
  file(GLOB_RECURSE rust_sources CONFIGURE_DEPENDS
       ${APIBENCH_RUST_WORKSPACE}/rust-*/src/*.rs ${APIBENCH_RUST_WORKSPACE}/rust-*/build.rs
       ${APIBENCH_RUST_WORKSPACE}/rust-*/Cargo.toml)
  set(release_dir ${APIBENCH_CARGO_TARGET_DIR}/release)
  set(binaries)
  foreach(name IN LISTS APIBENCH_RUST_PEERS)
    list(APPEND binaries ${release_dir}/apibench-${name})
  endforeach()
  # cargo leaves a fresh binary untouched, so a stamp marks the build done.
  set(stamp ${APIBENCH_CARGO_TARGET_DIR}/workspace.stamp)
  set(cargo ${CMAKE_COMMAND} -E env CARGO_TARGET_DIR=${APIBENCH_CARGO_TARGET_DIR} ${APIBENCH_CARGO})
  set(manifest --manifest-path ${APIBENCH_RUST_WORKSPACE}/Cargo.toml)
  # One command builds the whole workspace; cargo itself skips what is fresh.
  add_custom_command(
    OUTPUT ${stamp}
    BYPRODUCTS ${binaries}
    COMMAND ${cargo} build ${manifest} --release --locked --offline --workspace --quiet
    COMMAND ${CMAKE_COMMAND} -E touch ${stamp}
    DEPENDS ${rust_sources} ${APIBENCH_RUST_WORKSPACE}/Cargo.toml ${APIBENCH_RUST_WORKSPACE}/Cargo.lock
    COMMENT "Building the Rust peers with cargo (one workspace, offline)"
    VERBATIM)
  add_custom_target(apibench-rust-workspace DEPENDS ${stamp})
  foreach(name IN LISTS APIBENCH_RUST_PEERS)
    set(out ${APIBENCH_PEERS_OUT}/${name}/apibench-${name})
    add_custom_command(
      OUTPUT ${out}
      COMMAND ${CMAKE_COMMAND} -E copy ${release_dir}/apibench-${name} ${out}
      DEPENDS ${stamp} apibench-rust-workspace
      COMMENT "Staging peer ${name}"
      VERBATIM)
    add_custom_target(apibench-peer-${name} ALL DEPENDS ${out})
  endforeach()
  if(APIBENCH_BUILD_TESTS)
    # Release profile and the same target dir: the tests reuse the build's dependencies.
    add_test(NAME peers.rust.unit
             COMMAND ${cargo} test ${manifest} --workspace --release --locked --offline --quiet)
  endif()
endif()
