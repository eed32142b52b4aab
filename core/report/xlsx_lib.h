/* xlsx_lib.h - libxlsxwriter, opened when a workbook is first written
 * (why: base/dynlib.h).  Internal to core/report.
 *
 * Each member has the type of the library function of the same name, so
 * a call through it is checked like a direct call.  Call order:
 * xlsx_lib_open() -> calls through the members -> xlsx_lib_close()
 * (also after a failed open; a zeroed xlsx_lib is closed). */
#ifndef DUBAN_XLSX_LIB_H
#define DUBAN_XLSX_LIB_H

#include "base/dynlib.h"
#include "base/error.h"

#include <xlsxwriter.h>

#define XLSX_LIB_FUNCTIONS(X)                                                                      \
    X(workbook_new_opt)                                                                            \
    X(workbook_close)                                                                              \
    X(workbook_add_format)                                                                         \
    X(workbook_add_worksheet)                                                                      \
    X(format_set_align)                                                                            \
    X(format_set_bg_color)                                                                         \
    X(format_set_bold)                                                                             \
    X(format_set_border)                                                                           \
    X(format_set_font_color)                                                                       \
    X(format_set_font_size)                                                                        \
    X(format_set_num_format)                                                                       \
    X(format_set_text_wrap)                                                                        \
    X(worksheet_autofilter)                                                                        \
    X(worksheet_fit_to_pages)                                                                      \
    X(worksheet_freeze_panes)                                                                      \
    X(worksheet_merge_range)                                                                       \
    X(worksheet_repeat_rows)                                                                       \
    X(worksheet_set_column)                                                                        \
    X(worksheet_set_landscape)                                                                     \
    X(worksheet_set_row)                                                                           \
    X(worksheet_write_blank)                                                                       \
    X(worksheet_write_datetime)                                                                    \
    X(worksheet_write_number)                                                                      \
    X(worksheet_write_string)                                                                      \
    X(lxw_strerror)

typedef struct xlsx_lib {
    void *handle;
    XLSX_LIB_FUNCTIONS(DYNLIB_MEMBER)
} xlsx_lib;

/* DUBAN_EIO ("XLSX export needs libxlsxwriter.so.N, which cannot be
 * loaded: ...") when the library or one of its functions is missing. */
int xlsx_lib_open(xlsx_lib *lib, duban_error *err);
void xlsx_lib_close(xlsx_lib *lib);

#endif
