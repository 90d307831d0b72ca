# apibench_warnings: an interface target every project target links, so flags live in one place.
add_library(apibench_warnings INTERFACE)
target_compile_options(apibench_warnings INTERFACE -Wall -Wextra -Wpedantic)
if(APIBENCH_WERROR)
  target_compile_options(apibench_warnings INTERFACE -Werror)
endif()
# Boost 1.74's asio/awaitable.hpp uses std::exchange without including <utility> (g++ 12, C++20).
target_compile_options(apibench_warnings INTERFACE -include utility)
target_compile_definitions(apibench_warnings INTERFACE BOOST_ASIO_NO_DEPRECATED BOOST_BEAST_USE_STD_STRING_VIEW)
