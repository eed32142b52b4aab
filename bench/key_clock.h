/* key_clock.h - the time a terminal program spends on each key inside
 * itself, as pty_bench --key-clock reports it beside the key-to-screen
 * latency.
 *
 * key_clock.so (key_clock.c) is preloaded into the program (LD_PRELOAD)
 * and wraps read() and write().  A key's work starts when a read() of
 * standard input returns bytes after the program last wrote (further
 * reads before it writes are the same key: a multi-byte key or typeahead)
 * and ends at the end of its last write() to standard output.  At exit it
 * writes $KEY_CLOCK_OUT: one line a key, "START END", CLOCK_MONOTONIC
 * nanoseconds (END 0 when the key wrote nothing).  The clock is the one
 * pty_bench stamps keys with, so a key is matched to the sample whose
 * write-to-settled window holds its START.
 */
#ifndef DUBAN_KEY_CLOCK_H
#define DUBAN_KEY_CLOCK_H

#include <stdint.h>

/* Reads path (written by key_clock.so) and, for each of the n samples
 * sent at t0[i] and settled at t_last[i], sets in_ns[i] to the work of
 * the key read in [t0[i], t_last[i]] (-1 when none was, or it wrote
 * nothing).  Returns how many samples were matched, or -1 (message on
 * stderr) when the file cannot be read or is malformed. */
int key_clock_match(const char *path, const int64_t *t0, const int64_t *t_last, int n,
                    int64_t *in_ns);

/* The median and p95 (nearest rank) of the matched samples' times, in
 * microseconds; 0 with matched set, -1 as key_clock_match(). */
typedef struct key_clock_stats {
    int matched;
    double median_us, p95_us;
} key_clock_stats;
int key_clock_summarise(const char *path, const int64_t *t0, const int64_t *t_last, int n,
                        key_clock_stats *out);

#endif
