/* error.h - how core reports failure.
 *
 * Every core function that can fail returns an int status (DUBAN_OK == 0 on
 * success) and, when given a non-NULL duban_error, fills it with the same
 * code and a one-line, human-readable message (UTF-8, no trailing newline)
 * that names the file and line where that applies.  Core never prints and
 * never exits; the front end decides what to show and which exit status to
 * use (see duban_exit_status()).
 */
#ifndef DUBAN_ERROR_H
#define DUBAN_ERROR_H

enum duban_status {
    DUBAN_OK = 0,
    DUBAN_EINVAL,    /* bad argument: unknown status, malformed date, ... */
    DUBAN_ENOTFOUND, /* unknown ref, plan, file */
    DUBAN_EPARSE,    /* input file is not a plan / malformed */
    DUBAN_EIO,       /* file system: unreadable file, read-only directory */
    DUBAN_EDB,       /* SQLite failure */
    DUBAN_ENEWER,    /* database written by a newer duban */
    DUBAN_ENOMEM,
    DUBAN_EEMPTY,  /* nothing to do: nothing to undo/redo */
    DUBAN_ECONFIG, /* invalid configuration */
};

typedef struct duban_error {
    int code;
    char msg[512];
} duban_error;

/* Sets err (if non-NULL) to code and a printf-style message; returns code. */
int duban_fail(duban_error *err, int code, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Clears err (if non-NULL) to DUBAN_OK with an empty message. */
void duban_error_clear(duban_error *err);

/* The status for a file that could not be opened or looked at, from its
 * errno: DUBAN_ENOTFOUND when it is not there (ENOENT, ENOTDIR: "a
 * missing file", exit 3), else DUBAN_EIO. */
int duban_file_status(int errnum);

/* The documented process exit status for a core status code (see duban(1)). */
int duban_exit_status(int code);

#endif
