/* key_clock.c - LD_PRELOAD library: each key's work inside a terminal
 * program (see key_clock.h).  Only for bench runs: it holds its records in
 * a fixed array and writes them when the program exits. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#define MAX_KEYS 65536

typedef ssize_t (*read_fn)(int, void *, size_t);
typedef ssize_t (*write_fn)(int, const void *, size_t);

/* The records of one process (the program is single-threaded). */
static struct {
    int64_t start, end;
} keys[MAX_KEYS];
static int nkeys;
static int wrote = 1; /* the first read starts a key */

static int64_t now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

ssize_t read(int fd, void *buf, size_t n)
{
    static read_fn real;
    if (!real)
        real = (read_fn)dlsym(RTLD_NEXT, "read");
    ssize_t got = real(fd, buf, n);
    if (fd == STDIN_FILENO && got > 0 && wrote && nkeys < MAX_KEYS) {
        keys[nkeys].start = now_ns();
        keys[nkeys++].end = 0;
        wrote = 0;
    }
    return got;
}

ssize_t write(int fd, const void *buf, size_t n)
{
    static write_fn real;
    if (!real)
        real = (write_fn)dlsym(RTLD_NEXT, "write");
    ssize_t put = real(fd, buf, n);
    if (fd == STDOUT_FILENO && put > 0 && nkeys > 0) {
        keys[nkeys - 1].end = now_ns();
        wrote = 1;
    }
    return put;
}

__attribute__((destructor)) static void key_clock_save(void)
{
    const char *path = getenv("KEY_CLOCK_OUT");
    FILE *f = path ? fopen(path, "w") : NULL;
    if (!f)
        return;
    for (int i = 0; i < nkeys; i++)
        fprintf(f, "%lld %lld\n", (long long)keys[i].start, (long long)keys[i].end);
    fclose(f);
}
