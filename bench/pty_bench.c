/* pty_bench - key-to-screen-settled latency of a terminal program, measured
 * on a pseudo-terminal.
 *
 *   pty_bench [options] DUBAN DB          run DUBAN --db DB
 *   pty_bench [options] -- PROG [ARG...]  run any program (baselines)
 *   pty_bench --self-test [ECHO_BASELINE [KEY_CLOCK]]  smoke test (no timing)
 *
 * The child runs on a pty (forkpty) with TERM=xterm-256color,
 * LC_ALL=C.UTF-8, DUBAN_TODAY=2021-10-01 and the requested window size.
 * Once its first screen has been drawn and the output is quiet, each sample
 * writes one key (t0 = CLOCK_MONOTONIC just before write()) and reads
 * everything the child prints, timestamping each chunk when poll() reports
 * it.  The screen has "settled" when no byte arrives for Q ms; the sample is
 * t_last - t0, the quiet window itself is not counted.  See bench/README.md.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define MAX_BURST_MS 30000 /* output that never goes quiet is an error */
#define TAIL_SIZE 240      /* last output bytes kept for error messages */

#include "bench.h"
#include "key_clock.h"

typedef struct {
    int fd;
    pid_t pid;
    int reaped, status, eof;
    long maxrss_kb; /* the child's peak resident set (wait4), once reaped */
    int64_t t_start;
    FILE *trace;
    char tail[TAIL_SIZE];
    size_t tail_len;
} session;

typedef struct {
    int64_t t_last; /* monotonic ns of the last chunk, 0 if none */
    size_t bytes;
} burst;

typedef struct {
    int n, silent;
    double median_us, p90_us, p95_us, min_us, max_us;
    double median_bytes, mean_bytes;
    double startup_ms;
    size_t startup_bytes;
    int in_n;                       /* samples the key clock matched (--key-clock) */
    double in_median_us, in_p95_us; /* their work inside the child */
    long peak_rss_kb;               /* the child's peak resident set size, 0 unknown */
} summary;

static int64_t now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

static int64_t ms_ns(int ms)
{
    return (int64_t)ms * 1000000;
}

static void sleep_ms(int ms)
{
    poll(NULL, 0, ms);
}

/* ---- child process ---------------------------------------------------- */

/* With --key-clock: the library preloaded, where it writes, and ASan told
 * that a library before its runtime is meant (sanitizer builds). */
static void preload_key_clock(const char *lib, const char *out)
{
    char asan[512];
    const char *was = getenv("ASAN_OPTIONS");
    snprintf(asan, sizeof asan, "%s%sverify_asan_link_order=0", was ? was : "", was ? ":" : "");
    setenv("ASAN_OPTIONS", asan, 1);
    setenv("LD_PRELOAD", lib, 1);
    setenv("KEY_CLOCK_OUT", out, 1);
}

static void exec_child(char **argv, const char *key_clock, const char *clock_out)
{
    if (key_clock)
        preload_key_clock(key_clock, clock_out);
    setenv("TERM", "xterm-256color", 1);
    setenv("LC_ALL", "C.UTF-8", 1);
    setenv("DUBAN_TODAY", "2021-10-01", 1);
    unsetenv("COLUMNS"); /* ncurses prefers these over the window size */
    unsetenv("LINES");
    execvp(argv[0], argv);
    fprintf(stderr, "pty_bench: cannot run %s: %s\r\n", argv[0], strerror(errno));
    _exit(127);
}

static int session_start(session *s, const bench_opts *o, const char *clock_out)
{
    memset(s, 0, sizeof *s);
    s->fd = -1;
    if (o->trace_path && !(s->trace = fopen(o->trace_path, "w"))) {
        fprintf(stderr, "pty_bench: %s: %s\n", o->trace_path, strerror(errno));
        return -1;
    }
    struct winsize ws = {.ws_row = (unsigned short)o->rows, .ws_col = (unsigned short)o->cols};
    fflush(NULL);
    s->t_start = now_ns();
    s->pid = forkpty(&s->fd, NULL, NULL, &ws);
    if (s->pid < 0) {
        fprintf(stderr, "pty_bench: forkpty: %s\n", strerror(errno));
        return -1;
    }
    if (s->pid == 0)
        exec_child(o->argv, o->key_clock, clock_out);
    /* forkpty already sized the pty; set it again explicitly so the child
     * also gets SIGWINCH-consistent state if it queried early. */
    ioctl(s->fd, TIOCSWINSZ, &ws);
    fcntl(s->fd, F_SETFD, FD_CLOEXEC);
    return 0;
}

static void keep_tail(session *s, const char *buf, size_t n)
{
    if (n >= TAIL_SIZE) {
        memcpy(s->tail, buf + n - TAIL_SIZE, TAIL_SIZE);
        s->tail_len = TAIL_SIZE;
        return;
    }
    if (s->tail_len + n > TAIL_SIZE) {
        size_t drop = s->tail_len + n - TAIL_SIZE;
        memmove(s->tail, s->tail + drop, s->tail_len - drop);
        s->tail_len -= drop;
    }
    memcpy(s->tail + s->tail_len, buf, n);
    s->tail_len += n;
}

/* Reads one chunk if there is one within wait_ms.  Returns bytes read, 0 on
 * timeout, -1 at end of output (child closed the pty) or on error. */
static ssize_t read_chunk(session *s, int wait_ms, int64_t *t_chunk)
{
    char buf[16384];
    if (s->eof)
        return -1;
    struct pollfd p = {.fd = s->fd, .events = POLLIN};
    int r = poll(&p, 1, wait_ms);
    if (r < 0)
        return errno == EINTR ? 0 : -1;
    if (r == 0)
        return 0;
    *t_chunk = now_ns();
    ssize_t n = read(s->fd, buf, sizeof buf);
    if (n < 0 && (errno == EINTR || errno == EAGAIN))
        return 0;
    if (n <= 0) { /* EIO on Linux once the slave side is closed */
        s->eof = 1;
        return -1;
    }
    keep_tail(s, buf, (size_t)n);
    if (s->trace)
        fprintf(s->trace, "r %.3f %zd\n", (double)(*t_chunk - s->t_start) / 1e3, n);
    return n;
}

/* Waits up to wait_ms for the child to exit, draining its output meanwhile.
 * Returns 1 once it has been reaped. */
static int reap(session *s, int wait_ms)
{
    int64_t end = now_ns() + ms_ns(wait_ms);
    while (!s->reaped) {
        struct rusage ru;
        pid_t r = wait4(s->pid, &s->status, WNOHANG, &ru);
        if (r == s->pid)
            s->maxrss_kb = ru.ru_maxrss;
        if (r == s->pid || (r < 0 && errno == ECHILD)) {
            s->reaped = 1;
            break;
        }
        if (now_ns() >= end)
            break;
        int64_t t;
        if (read_chunk(s, 10, &t) < 0)
            sleep_ms(5);
    }
    return s->reaped;
}

static void kill_child(session *s)
{
    if (reap(s, 0))
        return;
    kill(s->pid, SIGTERM);
    if (!reap(s, 500)) {
        kill(s->pid, SIGKILL);
        reap(s, 2000);
    }
}

static void describe_status(const session *s, char *out, size_t n)
{
    if (!s->reaped)
        snprintf(out, n, "still running");
    else if (WIFEXITED(s->status))
        snprintf(out, n, "exited with status %d", WEXITSTATUS(s->status));
    else if (WIFSIGNALED(s->status))
        snprintf(out, n, "killed by signal %d", WTERMSIG(s->status));
    else
        snprintf(out, n, "status 0x%x", (unsigned)s->status);
}

/* The child closed the pty: reap it, say how it ended and what it printed
 * last (control characters shown as '.'), return -1. */
static int child_gone(session *s, const char *when)
{
    if (!reap(s, 2000))
        kill_child(s);
    char how[64];
    describe_status(s, how, sizeof how);
    fprintf(stderr, "pty_bench: child exited %s (%s)\n", when, how);
    if (s->tail_len) {
        fprintf(stderr, "pty_bench: last output: ");
        size_t i = 0;
        while (i < s->tail_len && ((unsigned char)s->tail[i] & 0xc0) == 0x80)
            i++; /* do not start inside a UTF-8 sequence */
        for (; i < s->tail_len; i++) {
            unsigned char c = (unsigned char)s->tail[i];
            fputc(c == '\n' ? '|' : (c < 0x20 || c == 0x7f) ? '.' : c, stderr);
        }
        fputc('\n', stderr);
    }
    return -1;
}

static void session_close(session *s)
{
    if (s->fd >= 0)
        close(s->fd);
    if (s->trace)
        fclose(s->trace);
    s->fd = -1;
    s->trace = NULL;
}

/* ---- measuring -------------------------------------------------------- */

/* Reads until nothing has arrived for quiet_ms after the last chunk, or,
 * when nothing arrives at all, until first_ms after start.  Returns 0, or
 * -1 if the child went away or the output never went quiet. */
static int read_burst(session *s, int64_t start, int first_ms, int quiet_ms, burst *b,
                      const char *when)
{
    b->t_last = 0;
    b->bytes = 0;
    for (;;) {
        int64_t now = now_ns();
        int64_t deadline = b->bytes ? b->t_last + ms_ns(quiet_ms) : start + ms_ns(first_ms);
        if (now >= deadline)
            return 0;
        if (now - start > ms_ns(MAX_BURST_MS)) {
            fprintf(stderr, "pty_bench: output did not go quiet within %d ms %s\n", MAX_BURST_MS,
                    when);
            return -1;
        }
        int64_t t = 0;
        ssize_t n = read_chunk(s, (int)((deadline - now + 999999) / 1000000), &t);
        if (n < 0)
            return child_gone(s, when);
        if (n > 0) {
            b->bytes += (size_t)n;
            b->t_last = t;
        }
    }
}

static int send_key(session *s, const char *key, int64_t *t0)
{
    size_t len = strlen(key);
    *t0 = now_ns();
    if (s->trace) {
        fprintf(s->trace, "k %.3f", (double)(*t0 - s->t_start) / 1e3);
        for (size_t i = 0; i < len; i++)
            fprintf(s->trace, " %02x", (unsigned char)key[i]);
        fputc('\n', s->trace);
    }
    while (len > 0) {
        ssize_t n = write(s->fd, key, len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return child_gone(s, "while a key was written");
        key += n;
        len -= (size_t)n;
    }
    return 0;
}

/* Waits for the first screen; sends the setup keys, each settling with the
 * longer start window. */
static int start_and_setup(session *s, const bench_opts *o, summary *sum)
{
    burst b;
    if (read_burst(s, s->t_start, o->start_ms, o->start_quiet_ms, &b, "before the first screen"))
        return -1;
    if (!b.bytes) {
        fprintf(stderr, "pty_bench: no output within %d ms of starting\n", o->start_ms);
        return -1;
    }
    sum->startup_ms = (double)(b.t_last - s->t_start) / 1e6;
    sum->startup_bytes = b.bytes;
    if (reap(s, 0))
        return child_gone(s, "after drawing its first screen");
    for (int i = 0; o->sc->setup[i]; i++) {
        int64_t t0;
        if (send_key(s, o->sc->setup[i], &t0) ||
            read_burst(s, t0, o->first_ms, o->start_quiet_ms, &b, "during the setup keys"))
            return -1;
    }
    return 0;
}

/* Warm-up keys, then o->samples measured keys.  lat_ns[i] is -1 for a key
 * that produced no output within first_ms; t0s[i] is when the key was
 * written and t_lasts[i] when its output settled (for the key clock). */
static int run_samples(session *s, const bench_opts *o, int64_t *lat_ns, size_t *bytes,
                       int64_t *t0s, int64_t *t_lasts)
{
    int total = o->warmup + o->samples;
    for (int i = 0; i < total; i++) {
        int64_t t0;
        burst b;
        if (send_key(s, o->sc->cycle[i % 2], &t0) ||
            read_burst(s, t0, o->first_ms, o->quiet_ms, &b, "while measuring"))
            return -1;
        if (i < o->warmup)
            continue;
        lat_ns[i - o->warmup] = b.bytes ? b.t_last - t0 : -1;
        t0s[i - o->warmup] = t0;
        t_lasts[i - o->warmup] = b.bytes ? b.t_last : t0 + ms_ns(o->first_ms);
        bytes[i - o->warmup] = b.bytes;
    }
    return 0;
}

/* Sends 'q' and gives the child 2 s to exit before killing it.  A 'q'
 * that lands in a prompt (the search scenarios end in one) is text: then
 * Esc, a pause longer than an Esc sequence's wait, and 'q' again, so that
 * the child exits by itself (the key clock writes its times at exit). */
static int quit_child(session *s)
{
    int64_t t0;
    if (!s->eof && send_key(s, "q", &t0) == 0 && !reap(s, 300) && !s->eof &&
        send_key(s, "\033", &t0) == 0) {
        reap(s, 300);
        if (!s->reaped && !s->eof)
            send_key(s, "q", &t0);
    }
    if (s->reaped || reap(s, 2000)) {
        if (WIFEXITED(s->status) && WEXITSTATUS(s->status) == 0)
            return 0;
        char how[64];
        describe_status(s, how, sizeof how);
        fprintf(stderr, "pty_bench: warning: child %s after 'q'\n", how);
        return 0;
    }
    if (s->reaped)
        return 0;
    fprintf(stderr, "pty_bench: warning: child did not exit within 2 s of 'q'; killing it\n");
    kill_child(s);
    return 1;
}

/* ---- statistics and output -------------------------------------------- */

static int cmp_i64(const void *a, const void *b)
{
    int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
    return (x > y) - (x < y);
}

static int cmp_size(const void *a, const void *b)
{
    size_t x = *(const size_t *)a, y = *(const size_t *)b;
    return (x > y) - (x < y);
}

/* Median of a sorted array (mean of the two middle values when even). */
static double median_i64(const int64_t *v, int n)
{
    return n % 2 ? (double)v[n / 2] : ((double)v[n / 2 - 1] + (double)v[n / 2]) / 2;
}

static void summarise(int64_t *lat_ns, size_t *bytes, int n, summary *sum)
{
    int m = 0;
    double byte_total = 0;
    for (int i = 0; i < n; i++) {
        byte_total += (double)bytes[i];
        if (lat_ns[i] >= 0)
            lat_ns[m++] = lat_ns[i];
    }
    sum->n = n;
    sum->silent = n - m;
    sum->mean_bytes = n ? byte_total / n : 0;
    qsort(bytes, (size_t)n, sizeof *bytes, cmp_size);
    sum->median_bytes = !n      ? 0
                        : n % 2 ? (double)bytes[n / 2]
                                : ((double)bytes[n / 2 - 1] + bytes[n / 2]) / 2;
    if (m == 0)
        return;
    qsort(lat_ns, (size_t)m, sizeof *lat_ns, cmp_i64);
    int p90 = (int)((9 * (long)m + 9) / 10) - 1; /* nearest rank, ceil(0.9 m) */
    sum->median_us = median_i64(lat_ns, m) / 1e3;
    sum->p90_us = (double)lat_ns[p90] / 1e3;
    int p95 = (int)((19 * (long)m + 19) / 20) - 1; /* nearest rank, ceil(0.95 m) */
    sum->p95_us = (double)lat_ns[p95] / 1e3;
    sum->min_us = (double)lat_ns[0] / 1e3;
    sum->max_us = (double)lat_ns[m - 1] / 1e3;
}

static void print_json(const bench_opts *o, const summary *s)
{
    printf("{\"scenario\":\"%s\",\"label\":\"%s\",\"cols\":%d,\"rows\":%d,\"quiet_ms\":%d,"
           "\"samples\":%d,\"silent\":%d,\"median_us\":%.1f,\"p90_us\":%.1f,\"p95_us\":%.1f,"
           "\"min_us\":%.1f,"
           "\"max_us\":%.1f,\"median_bytes\":%.1f,\"mean_bytes\":%.1f,\"startup_ms\":%.1f,"
           "\"startup_bytes\":%zu,\"peak_rss_kb\":%ld,\"in_n\":%d,\"in_median_us\":%.1f,"
           "\"in_p95_us\":%.1f}\n",
           o->sc->name, o->label, o->cols, o->rows, o->quiet_ms, s->n, s->silent, s->median_us,
           s->p90_us, s->p95_us, s->min_us, s->max_us, s->median_bytes, s->mean_bytes,
           s->startup_ms, s->startup_bytes, s->peak_rss_kb, s->in_n, s->in_median_us, s->in_p95_us);
}

static void print_table(const bench_opts *o, const summary *s)
{
    printf("pty_bench: %s on %s, %dx%d, quiet %d ms, %d samples after %d warm-up keys\n",
           o->sc->name, o->label, o->cols, o->rows, o->quiet_ms, s->n, o->warmup);
    printf("first screen: %.1f ms, %zu bytes; peak memory %ld KiB\n", s->startup_ms,
           s->startup_bytes, s->peak_rss_kb);
    printf("%-10s %10s %10s %10s %10s %12s %12s\n", "scenario", "median_us", "p90_us", "min_us",
           "max_us", "bytes/key", "mean_bytes");
    printf("%-10s %10.1f %10.1f %10.1f %10.1f %12.0f %12.1f\n", o->sc->name, s->median_us,
           s->p90_us, s->min_us, s->max_us, s->median_bytes, s->mean_bytes);
    if (o->key_clock)
        printf("inside the program (key clock, %d of %d keys): median %.1f us, p95 %.1f us\n",
               s->in_n, s->n, s->in_median_us, s->in_p95_us);
    if (s->silent)
        printf("note: %d of %d keys produced no output within %d ms (left out of the times)\n",
               s->silent, s->n, o->first_ms);
}

/* ---- driver ----------------------------------------------------------- */

/* The key clock's times of the matched samples, summarised into sum. */
static void summarise_key_clock(const char *path, const int64_t *t0s, const int64_t *t_lasts, int n,
                                summary *sum)
{
    key_clock_stats ks;
    if (key_clock_summarise(path, t0s, t_lasts, n, &ks) == 0) {
        sum->in_n = ks.matched;
        sum->in_median_us = ks.median_us;
        sum->in_p95_us = ks.p95_us;
    }
}

/* One full run: start, first screen, setup, samples, quit.  Returns 0, or
 * non-zero if the child died or could not be measured. */
static int bench_run(const bench_opts *o, summary *sum)
{
    memset(sum, 0, sizeof *sum);
    size_t n = (size_t)o->samples;
    int64_t *lat = calloc(n, sizeof *lat), *t0s = calloc(n, sizeof *t0s);
    int64_t *t_lasts = calloc(n, sizeof *t_lasts);
    size_t *bytes = calloc(n, sizeof *bytes);
    char clock_out[] = "/tmp/pty_bench_clock_XXXXXX";
    int clock_fd = o->key_clock ? mkstemp(clock_out) : -1;
    session s;
    int rc = !lat || !bytes || !t0s || !t_lasts || (o->key_clock && clock_fd < 0)
                 ? -1
                 : session_start(&s, o, clock_out);
    if (rc == 0) {
        rc = start_and_setup(&s, o, sum);
        if (rc == 0)
            rc = run_samples(&s, o, lat, bytes, t0s, t_lasts);
        if (rc == 0)
            quit_child(&s);
        else
            kill_child(&s);
        session_close(&s);
    }
    if (rc == 0 && o->key_clock)
        summarise_key_clock(clock_out, t0s, t_lasts, o->samples, sum);
    if (rc == 0)
        summarise(lat, bytes, o->samples, sum);
    if (rc == 0)
        sum->peak_rss_kb = s.maxrss_kb;
    if (clock_fd >= 0) {
        close(clock_fd);
        unlink(clock_out);
    }
    free(lat);
    free(bytes);
    free(t0s);
    free(t_lasts);
    return rc;
}

/* ---- self-test -------------------------------------------------------- */

/* echo_baseline next to this executable, if no path was given. */
static void default_echo_path(char *out, size_t n)
{
    ssize_t len = readlink("/proc/self/exe", out, n - 1);
    out[len > 0 ? len : 0] = '\0';
    char *slash = strrchr(out, '/');
    size_t dir = slash ? (size_t)(slash - out) + 1 : 0;
    snprintf(out + dir, n - dir, "echo_baseline");
}

/* The echo run again with the key clock: every key matched, none of them
 * longer inside the program than from the key to the screen. */
static int self_test_key_clock(bench_opts *o, const char *key_clock)
{
    summary sum;
    o->key_clock = key_clock;
    int rc = bench_run(o, &sum);
    o->key_clock = NULL;
    int ok =
        rc == 0 && sum.in_n == sum.n && sum.in_median_us > 0 && sum.in_median_us <= sum.median_us;
    printf("self-test: key clock %s (rc %d, %d of %d keys, inside %.1f us of %.1f us)\n",
           ok ? "ok" : "FAILED", rc, sum.in_n, sum.n, sum.in_median_us, sum.median_us);
    return ok;
}

/* Functional only: every key must come back as at least one byte, and a
 * child that dies mid-run must be reported as a failure.  Timeouts are
 * generous and no time is compared with anything but another time of the
 * same key. */
static int self_test(const char *echo_path, const char *key_clock)
{
    char path[4096];
    if (echo_path)
        snprintf(path, sizeof path, "%s", echo_path);
    else
        default_echo_path(path, sizeof path);
    bench_opts o;
    default_opts(&o);
    char *argv_ok[] = {path, NULL};
    char *argv_die[] = {path, "--exit-after", "3", NULL};
    o.argv = argv_ok;
    o.label = "echo_baseline";
    o.samples = 8;
    o.warmup = 2;
    o.quiet_ms = 20;
    o.first_ms = 20000;
    summary sum;
    int rc = bench_run(&o, &sum);
    int ok = rc == 0 && sum.n == 8 && sum.silent == 0 && sum.median_bytes >= 1;
    printf("self-test: echo run %s (rc %d, %d samples, %d silent, median %.0f bytes/key)\n",
           ok ? "ok" : "FAILED", rc, sum.n, sum.silent, sum.median_bytes);
    if (key_clock)
        ok &= self_test_key_clock(&o, key_clock);
    o.argv = argv_die;
    fprintf(stderr, "self-test: the next run must report that the child exited:\n");
    int died = bench_run(&o, &sum) != 0;
    printf("self-test: dying child %s\n", died ? "reported (ok)" : "NOT reported (FAILED)");
    return ok && died ? 0 : 1;
}

int main(int argc, char **argv)
{
    signal(SIGPIPE, SIG_IGN);
    if (argc >= 2 && !strcmp(argv[1], "--self-test"))
        return self_test(argc >= 3 ? argv[2] : NULL, argc >= 4 ? argv[3] : NULL);
    bench_opts o;
    default_opts(&o);
    if (parse_args(argc, argv, &o))
        return 2;
    summary sum;
    if (bench_run(&o, &sum))
        return 1;
    if (o.json)
        print_json(&o, &sum);
    else
        print_table(&o, &sum);
    return 0;
}
