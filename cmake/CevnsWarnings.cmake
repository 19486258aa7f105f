# One interface target carries the warning flags; CI turns them into errors (CEVNS_WERROR).
add_library(cevns_warnings INTERFACE)
target_compile_options(cevns_warnings INTERFACE -Wall -Wextra -Wpedantic -Wshadow -Wconversion
                       -Wno-sign-conversion $<$<BOOL:${CEVNS_WERROR}>:-Werror>)
