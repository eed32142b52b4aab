/* replace.c - whether an output file may be written over (replace.h). */
#include "base/replace.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* The first bytes of path's file into head; how many (0 for an empty
 * file), or -1 with errno set. */
static ssize_t read_head(const char *path, char *head, size_t n)
{
    int fd = open(path, O_RDONLY | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0)
        return -1;
    ssize_t got = read(fd, head, n);
    int e = errno;
    close(fd);
    errno = e;
    return got;
}

int replace_check(const char *path, const void *magic, size_t magic_len, const char *what,
                  duban_error *err)
{
    static const char sqlite_magic[] = "SQLite format 3"; /* 16 bytes with its NUL */
    struct stat sb;
    char head[16];
    if (stat(path, &sb) != 0) /* nothing there (or no way to look): writing will say */
        return DUBAN_OK;
    if (!S_ISREG(sb.st_mode))
        return duban_fail(err, DUBAN_EINVAL, "%s: %s, not replaced", path,
                          S_ISDIR(sb.st_mode) ? "a folder" : "not a regular file");
    if (magic_len > sizeof head)
        magic_len = sizeof head;
    ssize_t got = read_head(path, head, sizeof head);
    if (got < 0)
        return duban_fail(err, DUBAN_EIO, "%s: cannot read it to see what it is: %s", path,
                          strerror(errno));
    if (got == 0 || ((size_t)got >= magic_len && !memcmp(head, magic, magic_len)))
        return DUBAN_OK;
    if (got == sizeof head && !memcmp(head, sqlite_magic, sizeof sqlite_magic))
        return duban_fail(err, DUBAN_EINVAL,
                          "%s: a database (a plan?), not replaced: choose another name", path);
    return duban_fail(err, DUBAN_EINVAL,
                      "%s: exists and is not %s, not replaced: choose another name, or remove "
                      "it first",
                      path, what);
}
