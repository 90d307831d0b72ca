# --- Go: one module (go.mod here) for go-nethttp, go-gin, go-echo, go-fasthttp --
# scripts/setup-peers.sh fetches the modules go.sum pins (`go mod download`);
# the build then runs offline: GOPROXY=off, GOFLAGS=-mod=readonly, and
# GOTOOLCHAIN=local so the go found here builds, never a downloaded one.
# GOENV=off keeps a user's `go env -w` settings out; GOMODCACHE is read once,
# at configure, from the same go with the user's settings, so the build looks
# where `go mod download` put the modules. GOCACHE lives in the build dir.
set(APIBENCH_GO_PEERS go-nethttp go-gin go-echo go-fasthttp)

# Sets <out_var> to why the Go peers cannot be built, or "" when they can.
function(apibench_go_unavailable_reason out_var)
  set(reason "")
  if(NOT APIBENCH_GO)
    set(reason "go not found (install Go from go.dev, then scripts/setup-peers.sh)")
  else()
    file(STRINGS ${CMAKE_CURRENT_LIST_DIR}/go.mod go_line REGEX "^go [0-9.]+$")
    string(REGEX REPLACE "^go " "" needed "${go_line}")
    execute_process(COMMAND ${CMAKE_COMMAND} -E env GOTOOLCHAIN=local ${APIBENCH_GO} env GOVERSION
                    OUTPUT_VARIABLE go_version OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET)
    string(REGEX MATCH "[0-9]+(\\.[0-9]+)*" have "${go_version}")
    if(NOT have OR have VERSION_LESS needed)
      set(reason "${APIBENCH_GO} is ${go_version}, go.mod needs go ${needed} or newer (install Go from go.dev, or -DAPIBENCH_GO=<newer go>)")
    else()
      # Every package the peers import must be in the module cache: the build may not download.
      execute_process(COMMAND ${APIBENCH_GO_ENV} list -deps ./...
                      WORKING_DIRECTORY ${CMAKE_CURRENT_LIST_DIR}
                      RESULT_VARIABLE missing OUTPUT_QUIET ERROR_QUIET)
      if(missing)
        set(reason "the modules of go.sum are not in ${APIBENCH_GOMODCACHE} (scripts/setup-peers.sh, then reconfigure)")
      endif()
    endif()
  endif()
  set(${out_var} "${reason}" PARENT_SCOPE)
endfunction()

function(apibench_go_peer name common_sources)
  set(out ${APIBENCH_PEERS_OUT}/${name}/apibench-${name})
  file(GLOB sources CONFIGURE_DEPENDS ${CMAKE_CURRENT_LIST_DIR}/${name}/*.go)
  add_custom_command(
    OUTPUT ${out}
    # -buildvcs=false: the binary does not depend on the work tree's git state
    # (run.json records the commit); go.mod's versions are in its build info.
    COMMAND ${APIBENCH_GO_ENV} build -trimpath -buildvcs=false -o ${out} ./${name}
    DEPENDS ${sources} ${common_sources} ${CMAKE_CURRENT_LIST_DIR}/go.mod ${CMAKE_CURRENT_LIST_DIR}/go.sum
    WORKING_DIRECTORY ${CMAKE_CURRENT_LIST_DIR}
    COMMENT "Building peer ${name} with ${APIBENCH_GO_VERSION}"
    VERBATIM)
  add_custom_target(apibench-peer-${name} ALL DEPENDS ${out})
endfunction()

if(APIBENCH_GO)
  execute_process(COMMAND ${APIBENCH_GO} env GOMODCACHE
                  OUTPUT_VARIABLE APIBENCH_GOMODCACHE OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET)
  set(APIBENCH_GO_ENV ${CMAKE_COMMAND} -E env GOENV=off GOTOOLCHAIN=local GOPROXY=off GOFLAGS=-mod=readonly
      GOWORK=off CGO_ENABLED=0 GOMODCACHE=${APIBENCH_GOMODCACHE} GOCACHE=${APIBENCH_PEERS_OUT}/gocache
      ${APIBENCH_GO})
endif()
apibench_go_unavailable_reason(go_skipped)
if(go_skipped)
  list(JOIN APIBENCH_GO_PEERS ", " peer_list)
  message(STATUS "peers ${peer_list} skipped: ${go_skipped}")
else()
  execute_process(COMMAND ${CMAKE_COMMAND} -E env GOTOOLCHAIN=local ${APIBENCH_GO} version
                  OUTPUT_VARIABLE APIBENCH_GO_VERSION OUTPUT_STRIP_TRAILING_WHITESPACE)
  message(STATUS "Go peers: built with ${APIBENCH_GO} (${APIBENCH_GO_VERSION})")
  file(GLOB common_sources CONFIGURE_DEPENDS ${CMAKE_CURRENT_LIST_DIR}/go-common/*.go)
  foreach(peer IN LISTS APIBENCH_GO_PEERS)
    apibench_go_peer(${peer} "${common_sources}")
  endforeach()
  if(APIBENCH_BUILD_TESTS)
    add_test(NAME peers.go.vet COMMAND ${APIBENCH_GO_ENV} vet ./... WORKING_DIRECTORY ${CMAKE_CURRENT_LIST_DIR})
    add_test(NAME peers.go-common.unit COMMAND ${APIBENCH_GO_ENV} test ./go-common
             WORKING_DIRECTORY ${CMAKE_CURRENT_LIST_DIR})
  endif()
endif()
