/* zip_lib.h - libzip, opened when an XLSX workbook is first read (why:
 * base/dynlib.h).  Internal to core/import.
 *
 * Each member has the type of the library function of the same name.
 * Call order: zip_lib_open() -> calls through the members ->
 * zip_lib_close() (also after a failed open). */
#ifndef DUBAN_ZIP_LIB_H
#define DUBAN_ZIP_LIB_H

#include "base/dynlib.h"
#include "base/error.h"

#include <zip.h>

#define ZIP_LIB_FUNCTIONS(X)                                                                       \
    X(zip_open)                                                                                    \
    X(zip_discard)                                                                                 \
    X(zip_name_locate)                                                                             \
    X(zip_fopen_index)                                                                             \
    X(zip_fread)                                                                                   \
    X(zip_fclose)                                                                                  \
    X(zip_get_error)                                                                               \
    X(zip_error_code_zip)                                                                          \
    X(zip_strerror)                                                                                \
    X(zip_file_strerror)                                                                           \
    X(zip_error_init_with_code)                                                                    \
    X(zip_error_strerror)                                                                          \
    X(zip_error_fini)

typedef struct zip_lib {
    void *handle;
    ZIP_LIB_FUNCTIONS(DYNLIB_MEMBER)
} zip_lib;

/* DUBAN_EIO ("XLSX import needs libzip.so.N, which cannot be loaded:
 * ...") when the library or one of its functions is missing. */
int zip_lib_open(zip_lib *lib, duban_error *err);
void zip_lib_close(zip_lib *lib);

#endif
