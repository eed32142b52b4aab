/* replace.h - whether an output file may be written over.
 *
 * duban writes its outputs (workbooks, change files) to a temporary file
 * and renames it over the name given, which replaces whatever was there:
 * a slip of the Tab key (-o plan.db) would put a workbook where the plan
 * and its whole history were.  Before writing, a writer asks here.
 */
#ifndef DUBAN_REPLACE_H
#define DUBAN_REPLACE_H

#include "base/error.h"

#include <stddef.h>

/* DUBAN_OK when path holds nothing yet, an empty file, or a file that
 * starts with the magic bytes of what is about to be written (an earlier
 * output of the same kind).  Otherwise DUBAN_EINVAL naming path and what
 * is there: a folder, not a regular file (a FIFO, a device), a SQLite
 * database, or "exists and is not WHAT" (what: "an XLSX workbook");
 * DUBAN_EIO when it cannot be read to tell.  Reads at most 16 bytes,
 * changes nothing. */
int replace_check(const char *path, const void *magic, size_t magic_len, const char *what,
                  duban_error *err);

#endif
