/* xlsx_lib.c - libxlsxwriter opened on first use (xlsx_lib.h). */
#include "report/xlsx_lib.h"

#include "base/dynlib.h"

#include <string.h>

#ifndef DUBAN_XLSXWRITER_SONAME
#error "DUBAN_XLSXWRITER_SONAME is set by core/CMakeLists.txt (cmake/soname.cmake)"
#endif

DYNLIB_DEFINE(xlsx_lib, xlsx_lib, XLSX_LIB_FUNCTIONS, DUBAN_XLSXWRITER_SONAME, "XLSX export")
