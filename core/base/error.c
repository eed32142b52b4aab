#include "base/error.h"

#include <errno.h>

#include <stdarg.h>
#include <stdio.h>

int duban_fail(duban_error *err, int code, const char *fmt, ...)
{
    if (err) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(err->msg, sizeof err->msg, fmt, ap);
        va_end(ap);
        err->code = code;
    }
    return code;
}

void duban_error_clear(duban_error *err)
{
    if (err) {
        err->code = DUBAN_OK;
        err->msg[0] = '\0';
    }
}

int duban_exit_status(int code)
{
    switch (code) {
    case DUBAN_OK:
        return 0;
    case DUBAN_EINVAL:
        return 2;
    case DUBAN_ENOTFOUND:
        return 3;
    case DUBAN_EPARSE:
        return 4;
    case DUBAN_EIO:
        return 5;
    case DUBAN_EDB:
        return 6;
    case DUBAN_ENEWER:
        return 7;
    case DUBAN_EEMPTY:
        return 8;
    case DUBAN_ECONFIG:
        return 9;
    default:
        return 1;
    }
}

int duban_file_status(int errnum)
{
    return errnum == ENOENT || errnum == ENOTDIR ? DUBAN_ENOTFOUND : DUBAN_EIO;
}
