# apibench_build_info: the commit the programs were built from, read on every build (not at
# configure time, and not when a program runs: the source tree may have moved on by then).
# runner/build_info.hpp declares it; the runner records it with every result.
set(APIBENCH_BUILD_INFO_CPP ${PROJECT_BINARY_DIR}/generated/build_info.cpp)

# Always runs; the file is rewritten only when its text changes, and Ninja's restat on
# the byproduct then leaves everything that depends on it alone.
add_custom_target(apibench_build_info_file
  COMMAND ${CMAKE_COMMAND} -DSOURCE_DIR=${PROJECT_SOURCE_DIR} -DOUTPUT=${APIBENCH_BUILD_INFO_CPP}
          -P ${PROJECT_SOURCE_DIR}/cmake/build_info_write.cmake
  BYPRODUCTS ${APIBENCH_BUILD_INFO_CPP}
  COMMENT "Reading the commit of the source tree"
  VERBATIM)

add_library(apibench_build_info STATIC ${APIBENCH_BUILD_INFO_CPP})
add_dependencies(apibench_build_info apibench_build_info_file)
target_include_directories(apibench_build_info PUBLIC ${PROJECT_SOURCE_DIR})
target_link_libraries(apibench_build_info PRIVATE apibench_warnings)

# The runner (runner/CMakeLists.txt) is another folder's; it gets the build's commit from here.
target_link_libraries(apibench_runner PUBLIC apibench_build_info)

if(APIBENCH_BUILD_TESTS)
  add_executable(build_info_test ${PROJECT_SOURCE_DIR}/runner/tests/environment_test.cpp)
  target_link_libraries(build_info_test PRIVATE apibench_runner GTest::gtest_main)
  target_compile_definitions(build_info_test PRIVATE APIBENCH_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
                                                     APIBENCH_CMAKE_COMMAND="${CMAKE_COMMAND}")
  gtest_discover_tests(build_info_test)
endif()
