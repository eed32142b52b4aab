/* xlsx_lib.c - libxlsxwriter opened on first use (xlsx_lib.h). */
#include "report/xlsx_lib.h"

#include "base/dynlib.h"

#include <string.h>

#ifndef DUBAN_XLSXWRITER_SONAME
#error "DUBAN_XLSXWRITER_SONAME is set by core/CMakeLists.txt (cmake/soname.cmake)"
#endif

#define XLSX_LIB_NAME(f) #f,
static const char *const names[] = {XLSX_LIB_FUNCTIONS(XLSX_LIB_NAME)};
#undef XLSX_LIB_NAME
#define XLSX_LIB_COUNT (sizeof names / sizeof names[0])

int xlsx_lib_open(xlsx_lib *lib, duban_error *err)
{
    dynlib_fn fns[XLSX_LIB_COUNT];
    memset(lib, 0, sizeof *lib);
    int rc = dynlib_open(DUBAN_XLSXWRITER_SONAME, "XLSX export", names, XLSX_LIB_COUNT, fns,
                         &lib->handle, err);
    if (rc)
        return rc;
    size_t i = 0;
#define XLSX_LIB_SET(f) lib->f = (__typeof__(lib->f))fns[i++];
    XLSX_LIB_FUNCTIONS(XLSX_LIB_SET)
#undef XLSX_LIB_SET
    return DUBAN_OK;
}

void xlsx_lib_close(xlsx_lib *lib)
{
    dynlib_close(lib->handle);
    memset(lib, 0, sizeof *lib);
}
