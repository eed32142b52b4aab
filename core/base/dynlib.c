/* dynlib.c - shared libraries opened on first use (dynlib.h). */
#include "base/dynlib.h"

#include <dlfcn.h>
#include <string.h>

/* POSIX requires a data pointer to hold a function's address (dlsym). */
_Static_assert(sizeof(void *) == sizeof(dynlib_fn), "dlsym() needs same-size pointers");

int dynlib_open(const char *soname, const char *what, const char *const *names, size_t n,
                dynlib_fn *fns, void **handle, duban_error *err)
{
    *handle = dlopen(soname, RTLD_NOW | RTLD_LOCAL);
    if (!*handle) {
        const char *why = dlerror();
        return duban_fail(err, DUBAN_EIO, "%s needs %s, which cannot be loaded: %s", what, soname,
                          why ? why : "unknown reason");
    }
    for (size_t i = 0; i < n; i++) {
        dlerror();
        void *sym = dlsym(*handle, names[i]);
        if (!sym) {
            duban_fail(err, DUBAN_EIO, "%s needs %s, which cannot be loaded: it has no %s", what,
                       soname, names[i]);
            dynlib_close(*handle);
            *handle = NULL;
            return DUBAN_EIO;
        }
        memcpy(&fns[i], &sym, sizeof sym);
    }
    return DUBAN_OK;
}

void dynlib_close(void *handle)
{
    if (handle)
        dlclose(handle);
}
