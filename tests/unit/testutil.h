/* testutil.h - shared helpers for the cmocka unit tests. */
#ifndef DUBAN_TESTUTIL_H
#define DUBAN_TESTUTIL_H

#include <stddef.h>

/* Reads a whole file into a heap buffer (NUL-terminated); fails the test
 * when it cannot. */
char *test_read_file(const char *path, size_t *len);
/* A fresh temporary directory path (heap string), removed by
 * test_rmdir_rf(). */
char *test_mkdtemp(void);
void test_rmdir_rf(const char *dir);

#endif
