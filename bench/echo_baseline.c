/* echo_baseline - the harness floor for pty_bench.
 *
 *   echo_baseline [--exit-after N]
 *
 * Puts its terminal in raw mode, prints one banner line (the "first
 * screen"), then writes every byte it reads straight back, unchanged.
 * 'q' restores the terminal and exits 0.  With --exit-after N it exits
 * with status 3 after echoing N bytes, so the harness's handling of a
 * child that dies mid-run can be tested. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

static int write_all(int fd, const char *buf, size_t len)
{
    while (len > 0) {
        ssize_t n = write(fd, buf, len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return -1;
        buf += n;
        len -= (size_t)n;
    }
    return 0;
}

static int echo_loop(long exit_after)
{
    char buf[256];
    long echoed = 0;
    for (;;) {
        ssize_t n = read(STDIN_FILENO, buf, sizeof buf);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return 0;
        for (ssize_t i = 0; i < n; i++) {
            if (buf[i] == 'q')
                return 0;
            if (write_all(STDOUT_FILENO, &buf[i], 1))
                return 1;
            if (exit_after > 0 && ++echoed >= exit_after)
                return 3;
        }
    }
}

int main(int argc, char **argv)
{
    long exit_after = 0;
    if (argc == 3 && !strcmp(argv[1], "--exit-after")) {
        exit_after = strtol(argv[2], NULL, 10);
    } else if (argc != 1) {
        fprintf(stderr, "usage: echo_baseline [--exit-after N]\n");
        return 2;
    }
    struct termios saved, raw;
    int tty = tcgetattr(STDIN_FILENO, &saved) == 0;
    if (tty) {
        raw = saved;
        cfmakeraw(&raw);
        tcsetattr(STDIN_FILENO, TCSANOW, &raw);
    }
    static const char banner[] = "echo_baseline ready\r\n";
    int rc = write_all(STDOUT_FILENO, banner, sizeof banner - 1) ? 1 : echo_loop(exit_after);
    if (tty)
        tcsetattr(STDIN_FILENO, TCSANOW, &saved);
    return rc;
}
