/* builtin.h - data compiled into the binary from data/ (see data/CMakeLists.txt).
 * The arrays are NUL-terminated; the _len excludes the NUL. */
#ifndef DUBAN_BUILTIN_H
#define DUBAN_BUILTIN_H

#include <stddef.h>

extern const char builtin_plan_haiyan[];
extern const size_t builtin_plan_haiyan_len;

/* data/duban.ini: the documented default configuration (config.h). */
extern const char builtin_default_config[];
extern const size_t builtin_default_config_len;

#endif
