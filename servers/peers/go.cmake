# --- Go: net/http, gin, echo in GOPATH mode ---------------------------------
# Debian ships gin and echo as GOPATH source trees under /usr/share/gocode, so
# the Go peers build with GO111MODULE=off. Their shared package go-common is
# made importable as "apibench/peer" by a link in a GOPATH of our own, listed
# before Debian's. GOCACHE lives in the build dir; GOENV=off so no $HOME is needed.
set(APIBENCH_DEBIAN_GOPATH /usr/share/gocode)

# framework_dir: the Debian source tree the peer needs ("" for none).
function(apibench_go_peer name framework_dir common_sources)
  if(framework_dir AND NOT IS_DIRECTORY ${framework_dir})
    message(STATUS "peer ${name} skipped: ${framework_dir} is missing (scripts/setup-peers.sh)")
    return()
  endif()
  set(src ${CMAKE_CURRENT_SOURCE_DIR}/${name})
  set(out ${APIBENCH_PEERS_OUT}/${name})
  file(GLOB go_sources CONFIGURE_DEPENDS ${src}/*.go)
  add_custom_command(
    OUTPUT ${out}/apibench-${name}
    COMMAND ${APIBENCH_GO_ENV} build -trimpath -o ${out}/apibench-${name} .
    DEPENDS ${go_sources} ${common_sources}
    WORKING_DIRECTORY ${src}
    COMMENT "Building peer ${name} with go (GOPATH mode, Debian's packages)"
    VERBATIM)
  add_custom_target(apibench-peer-${name} ALL DEPENDS ${out}/apibench-${name})
  if(APIBENCH_BUILD_TESTS)
    add_test(NAME peers.${name}.vet COMMAND ${APIBENCH_GO_ENV} vet . WORKING_DIRECTORY ${src})
  endif()
endfunction()

if(NOT APIBENCH_GO)
  message(STATUS "peer go-nethttp, go-gin, go-echo skipped: go not found (scripts/setup-peers.sh)")
else()
  set(gopath ${APIBENCH_PEERS_OUT}/gopath)
  set(APIBENCH_GO_ENV ${CMAKE_COMMAND} -E env GO111MODULE=off GOENV=off CGO_ENABLED=0 GOFLAGS=
      "GOPATH=${gopath}:${APIBENCH_DEBIAN_GOPATH}" GOCACHE=${APIBENCH_PEERS_OUT}/gocache ${APIBENCH_GO})
  file(MAKE_DIRECTORY ${gopath}/src/apibench)
  file(CREATE_LINK ${CMAKE_CURRENT_SOURCE_DIR}/go-common ${gopath}/src/apibench/peer SYMBOLIC)
  file(GLOB common_sources CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/go-common/*.go)
  set(debian_src ${APIBENCH_DEBIAN_GOPATH}/src/github.com)
  apibench_go_peer(go-nethttp "" "${common_sources}")
  apibench_go_peer(go-gin ${debian_src}/gin-gonic/gin "${common_sources}")
  apibench_go_peer(go-echo ${debian_src}/labstack/echo "${common_sources}")
  if(APIBENCH_BUILD_TESTS)
    add_test(NAME peers.go-common.unit COMMAND ${APIBENCH_GO_ENV} test apibench/peer)
  endif()
endif()

