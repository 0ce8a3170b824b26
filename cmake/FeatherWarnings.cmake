# Warnings for every Feather target; -Werror when FEATHER_WERROR is on (CI).
function(feather_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow
                         -Wnon-virtual-dtor -Wold-style-cast -Wcast-align
                         -Woverloaded-virtual -Wimplicit-fallthrough)
  if(FEATHER_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()
