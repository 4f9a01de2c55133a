# aiscale_configure_target(<target> [THIRD_PARTY]): the project's compile settings for one
# target: C++20, warnings as errors, and the optional sanitizers. Applied per target,
# never through global flags. THIRD_PARTY targets (the Catch2 main, which compiles
# Catch2's own code) get the language level and sanitizers but not our warning policy.
function(aiscale_configure_target target)
  cmake_parse_arguments(ARG "THIRD_PARTY" "" "" ${ARGN})
  target_compile_features(${target} PUBLIC cxx_std_20)
  set_target_properties(${target} PROPERTIES CXX_EXTENSIONS OFF)
  if(NOT ARG_THIRD_PARTY)
    target_compile_options(${target} PRIVATE
      -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wno-sign-conversion
      -Wnon-virtual-dtor -Wold-style-cast -Woverloaded-virtual -Werror)
  endif()
  if(AISCALE_SANITIZE)
    # GCC 12 reports false -Wmaybe-uninitialized inside libstdc++ (<regex>, <functional>)
    # when sanitizers are on; the Release build keeps the warning.
    target_compile_options(${target} PRIVATE -Wno-maybe-uninitialized)
    target_compile_options(${target} PUBLIC
      -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer)
    target_link_options(${target} PUBLIC -fsanitize=address,undefined)
  endif()
endfunction()
