/* zip_lib.c - libzip opened on first use (zip_lib.h). */
#include "import/zip_lib.h"

#include "base/dynlib.h"

#include <string.h>

#ifndef DUBAN_LIBZIP_SONAME
#error "DUBAN_LIBZIP_SONAME is set by core/CMakeLists.txt (cmake/soname.cmake)"
#endif

DYNLIB_DEFINE(zip_lib, zip_lib, ZIP_LIB_FUNCTIONS, DUBAN_LIBZIP_SONAME, "XLSX import")
