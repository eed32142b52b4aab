/* builtin.h - data compiled into the binary from data/ (see data/CMakeLists.txt).
 * The arrays are NUL-terminated; the _len excludes the NUL. */
#ifndef DUBAN_BUILTIN_H
#define DUBAN_BUILTIN_H

#include <stddef.h>

extern const char builtin_plan_haiyan[];
extern const size_t builtin_plan_haiyan_len;
/* Its title and period (its header says them), so that a database
 * holding only the sample is told without parsing it at every start;
 * test_store builtin_plan_header checks that parsing it gives these. */
#define BUILTIN_PLAN_TITLE "海盐县2021年下半年重点工作"
#define BUILTIN_PLAN_START "2021-07-01"
#define BUILTIN_PLAN_END "2021-12-31"

/* data/duban.ini: the documented default configuration (config.h). */
extern const char builtin_default_config[];
extern const size_t builtin_default_config_len;

#endif
