# apibench_warnings: an interface target every project target links, so flags live in one place.
add_library(apibench_warnings INTERFACE)
target_compile_options(apibench_warnings INTERFACE -Wall -Wextra -Wpedantic)
# GCC 12 reports impossible overlaps in std::string concatenation at -O3
# (GCC bug 105329), a false positive that -Werror would turn into a failure.
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
  target_compile_options(apibench_warnings INTERFACE -Wno-restrict)
endif()
if(APIBENCH_WERROR)
  target_compile_options(apibench_warnings INTERFACE -Werror)
endif()
# Boost 1.74's asio/awaitable.hpp uses std::exchange without including <utility> (g++ 12, C++20).
target_compile_options(apibench_warnings INTERFACE -include utility)
target_compile_definitions(apibench_warnings INTERFACE BOOST_ASIO_NO_DEPRECATED BOOST_BEAST_USE_STD_STRING_VIEW)
