/* zip_lib.c - libzip opened on first use (zip_lib.h). */
#include "import/zip_lib.h"

#include "base/dynlib.h"

#include <string.h>

#ifndef DUBAN_LIBZIP_SONAME
#error "DUBAN_LIBZIP_SONAME is set by core/CMakeLists.txt (cmake/soname.cmake)"
#endif

#define ZIP_LIB_NAME(f) #f,
static const char *const names[] = {ZIP_LIB_FUNCTIONS(ZIP_LIB_NAME)};
#undef ZIP_LIB_NAME
#define ZIP_LIB_COUNT (sizeof names / sizeof names[0])

int zip_lib_open(zip_lib *lib, duban_error *err)
{
    dynlib_fn fns[ZIP_LIB_COUNT];
    memset(lib, 0, sizeof *lib);
    int rc = dynlib_open(DUBAN_LIBZIP_SONAME, "XLSX import", names, ZIP_LIB_COUNT, fns,
                         &lib->handle, err);
    if (rc)
        return rc;
    size_t i = 0;
#define ZIP_LIB_SET(f) lib->f = (__typeof__(lib->f))fns[i++];
    ZIP_LIB_FUNCTIONS(ZIP_LIB_SET)
#undef ZIP_LIB_SET
    return DUBAN_OK;
}

void zip_lib_close(zip_lib *lib)
{
    dynlib_close(lib->handle);
    memset(lib, 0, sizeof *lib);
}
