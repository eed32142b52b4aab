/* dynlib.h - a shared library opened when a command first needs it, not
 * at every process start.
 *
 * Why: libxlsxwriter and libzip each bring libcrypto, whose relocations
 * cost about 1.6 ms of every start (an empty program linked with them
 * starts in 3.3-3.7 ms, without them in 1.7-1.8 ms): more than
 * `duban list` needs for all its work on a 1,000-item plan.  Only XLSX
 * import and export use them, so those open them (report/xlsx_lib.h,
 * import/zip_lib.h); the sonames are found at configure time
 * (cmake/soname.cmake), so a package still names the exact ABI.
 *
 * Contract: dynlib_open() loads soname (RTLD_NOW | RTLD_LOCAL) and
 * resolves names[0..n) into fns[0..n).  On success *handle is the
 * caller's, to pass to dynlib_close() after the last call through fns.
 * On failure it returns DUBAN_EIO with "WHAT needs SONAME, which cannot
 * be loaded: REASON", closes what it opened and sets *handle to NULL.
 * Thread-compatible (dlerror() is per thread). */
#ifndef DUBAN_DYNLIB_H
#define DUBAN_DYNLIB_H

#include "base/error.h"

#include <stddef.h>

/* Any function pointer; cast back to the function's own type to call. */
typedef void (*dynlib_fn)(void);

int dynlib_open(const char *soname, const char *what, const char *const *names, size_t n,
                dynlib_fn *fns, void **handle, duban_error *err);
/* NULL is fine. */
void dynlib_close(void *handle);

/* A library's table: LIST(X) names its functions, X(f) once each.  In the
 * struct (which has a void *handle first):
 *     LIST(DYNLIB_MEMBER)
 * gives each member the type of the function of that name.  In one .c
 * file (with <string.h>):
 *     DYNLIB_DEFINE(type, prefix, LIST, soname, what)
 * defines int prefix_open(type *, duban_error *) (dynlib_open() filling
 * every member) and void prefix_close(type *), which a zeroed or failed
 * table also takes. */
#define DYNLIB_MEMBER(f) __typeof__(&f) f;
#define DYNLIB_NAME(f) #f,
#define DYNLIB_SET(f) lib->f = (__typeof__(lib->f))fns[i++];
#define DYNLIB_DEFINE(type, prefix, LIST, soname, what)                                            \
    static const char *const prefix##_names[] = {LIST(DYNLIB_NAME)};                               \
    int prefix##_open(type *lib, duban_error *err)                                                 \
    {                                                                                              \
        enum { N = sizeof prefix##_names / sizeof prefix##_names[0] };                             \
        dynlib_fn fns[N];                                                                          \
        memset(lib, 0, sizeof *lib);                                                               \
        int rc = dynlib_open(soname, what, prefix##_names, N, fns, &lib->handle, err);             \
        if (rc)                                                                                    \
            return rc;                                                                             \
        size_t i = 0;                                                                              \
        LIST(DYNLIB_SET)                                                                           \
        return DUBAN_OK;                                                                           \
    }                                                                                              \
    void prefix##_close(type *lib)                                                                 \
    {                                                                                              \
        dynlib_close(lib->handle);                                                                 \
        memset(lib, 0, sizeof *lib);                                                               \
    }

#endif
