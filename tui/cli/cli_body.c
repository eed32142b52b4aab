/* cli_body.c - `duban body REF`: the body in $VISUAL / $EDITOR, or
 * --text.  The editor runs through fork/execvp (no shell, no system()):
 * the variable is split at spaces into the program and its arguments,
 * the file name appended.  An editor that fails or leaves the text as it
 * was changes nothing. */
#include "cli/cli.h"

#include "base/strbuf.h"
#include "edit/structure.h"
#include "query/query.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

int cli_run_editor(const char *path, duban_error *err)
{
    const char *ed = getenv("VISUAL");
    if (!ed || !*ed)
        ed = getenv("EDITOR");
    if (!ed || !*ed)
        ed = "vi";
    char buf[1024];
    snprintf(buf, sizeof buf, "%s", ed);
    char *argv[32];
    int argc = 0;
    for (char *save = NULL, *w = strtok_r(buf, " \t", &save); w && argc < 30;
         w = strtok_r(NULL, " \t", &save))
        argv[argc++] = w;
    if (!argc)
        return duban_fail(err, DUBAN_EINVAL, "no editor: set VISUAL or EDITOR");
    argv[argc++] = (char *)path;
    argv[argc] = NULL;
    fflush(NULL);
    pid_t pid = fork();
    if (pid < 0)
        return duban_fail(err, DUBAN_EIO, "cannot start %s: %s", argv[0], strerror(errno));
    if (pid == 0) {
        execvp(argv[0], argv);
        _exit(127);
    }
    int status = 0;
    while (waitpid(pid, &status, 0) < 0)
        if (errno != EINTR)
            return duban_fail(err, DUBAN_EIO, "cannot wait for %s", argv[0]);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
        return duban_fail(err, DUBAN_EINVAL, "%s exited with status %d; nothing changed", argv[0],
                          WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status));
    return DUBAN_OK;
}

/* Writes text to a fresh temporary file; *path is set (caller unlinks). */
static int write_temp(const char *text, char *path, size_t pathsz, duban_error *err)
{
    const char *dir = getenv("TMPDIR");
    snprintf(path, pathsz, "%s/duban-body-XXXXXX", dir && *dir ? dir : "/tmp");
    int fd = mkstemp(path);
    if (fd < 0)
        return duban_fail(err, DUBAN_EIO, "%s: %s", path, strerror(errno));
    size_t len = strlen(text);
    ssize_t w = write(fd, text, len);
    int bad =
        w < 0 || (size_t)w != len || (len && text[len - 1] != '\n' && write(fd, "\n", 1) != 1);
    close(fd);
    if (bad) {
        unlink(path);
        return duban_fail(err, DUBAN_EIO, "%s: cannot write", path);
    }
    return DUBAN_OK;
}

static char *read_all(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    strbuf sb = {0};
    char chunk[4096];
    size_t n;
    int rc = 0;
    while (!rc && (n = fread(chunk, 1, sizeof chunk, f)) > 0)
        rc = strbuf_appendn(&sb, chunk, n);
    fclose(f);
    char *out = rc ? NULL : duban_strdup(strbuf_str(&sb));
    strbuf_free(&sb);
    return out;
}

/* Trailing white space does not count as a change. */
static int same_text(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    while (la && strchr(" \t\r\n", a[la - 1]))
        la--;
    while (lb && strchr(" \t\r\n", b[lb - 1]))
        lb--;
    return la == lb && !memcmp(a, b, la);
}

int cmd_body(cli_ctx *ctx, const cli_args *args, duban_error *err)
{
    if (args->npos != 1)
        return duban_fail(err, DUBAN_EINVAL, "usage: duban body REF [--text TEXT]");
    node n;
    int rc = cli_node(ctx, args->pos[0], &n, err);
    if (rc)
        return rc;
    char *text = NULL;
    if (args->text) {
        text = duban_strdup(args->text);
    } else {
        char path[4096];
        if (!(rc = write_temp(n.body, path, sizeof path, err))) {
            rc = cli_run_editor(path, err);
            if (!rc && !(text = read_all(path)))
                rc = duban_fail(err, DUBAN_EIO, "%s: cannot read the edited body", path);
            unlink(path);
        }
    }
    if (!rc && !text)
        rc = duban_fail(err, DUBAN_ENOMEM, "out of memory");
    if (!rc && same_text(text, n.body))
        rc = duban_fail(err, DUBAN_EINVAL, "%s: the body is unchanged; nothing changed", n.ref);
    edit_result r = {0};
    if (!rc)
        rc = edit_apply(ctx->st, n.id, FIELD_BODY, text, NULL, &r, err);
    if (!rc)
        rc = cli_say(err, "%s body changed (duban undo reverts it)", n.ref);
    edit_result_free(&r);
    free(text);
    node_free(&n);
    return rc;
}
