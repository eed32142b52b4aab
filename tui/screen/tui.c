/* tui.c - the full-screen front end: start and end curses, the input
 * loop, mouse and resize events, and live reload when another process
 * changes the store (see tui.h).
 *
 * The loop waits for a key at most TICK_MS; on every tick it compares
 * store_data_version() and reloads what is shown when it changed, and
 * when no key came it stores the fold state the keys changed.  A
 * frame is drawn with erase() + wnoutrefresh() + doupdate(), so curses
 * sends only the cells that changed; after a key that only moved the
 * outline's cursor, only the rows it changed, the detail pane and the
 * status line are drawn on the last frame (layout_draw_moved).
 */
#include "screen/tui.h"

#include "screen/actions.h"
#include "screen/app.h"
#include "screen/app_edit.h"
#include "screen/dispatch.h"
#include "screen/draw.h"
#include "screen/layout.h"
#include "screen/search.h"
#include "screen/view.h"
#include "query/area_summary.h"
#include "query/query.h"
#include "screen/vmodel.h"
#include "store/store.h"
#include "sync/sync.h"

#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <time.h>
#include <unistd.h>

#define TICK_MS 250
#define WAIT_GIVE_UP_MS 30000 /* an edit waits this long for another writer */

static long now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void app_free(app *a)
{
    vm_free(a);
    views_destroy(a);
    sync_conflict_list_free(&a->conflicts);
    search_free(&a->sr);
    meeting_free(&a->mtg);
    plan_info_free(&a->plan);
}

/* stderr is about to be covered by the screen: say it on the status line
 * too, with $HOME as ~ to fit in 80 columns. */
static void say_created(app *a, const char *path)
{
    const char *home = getenv("HOME");
    size_t n = home ? strlen(home) : 0;
    if (n > 1 && !strncmp(path, home, n) && path[n] == '/')
        app_message(a, S_OK, "已用内置计划创建数据库 ~%s", path + n);
    else
        app_message(a, S_OK, "已用内置计划创建数据库 %s", path);
}

/* The conflicts still to look at: the header counts them, item rows
 * are marked 冲突 (none when the list cannot be read). */
static void app_load_conflicts(app *a)
{
    sync_conflict_list_free(&a->conflicts);
    if (sync_conflicts(a->st, a->plan_id, &a->conflicts, NULL))
        memset(&a->conflicts, 0, sizeof a->conflicts);
}

/* A plan just imported: say once how many warnings the import gave and
 * how to see them again (cli_import.c leaves the notice). */
static void say_imported(app *a)
{
    char *v = NULL;
    if (store_get_state(a->st, a->plan_id, IMPORT_NOTICE_KEY, &v, NULL) || !v || !*v) {
        free(v);
        return;
    }
    char *tab = strchr(v, '\t');
    const char *file = tab ? tab + 1 : "FILE";
    const char *base = strrchr(file, '/');
    base = base ? base + 1 : file;
    /* The whole line must fit 80 columns beside the position and help. */
    if (draw_width(base) > 16)
        base = "FILE";
    long n = strtol(v, NULL, 10);
    if (n > 0)
        app_message(a, S_RISK, "导入有 %ld 处警告，再看：duban import %s --dry-run", n, base);
    else
        app_message(a, S_OK, "已导入计划，没有警告");
    free(v);
    store_put_state(a->st, a->plan_id, IMPORT_NOTICE_KEY, "", NULL);
}

/* The terminal's lines before curses starts, as curses will count them
 * (LINES in the environment first); 0 when unknown. */
static int terminal_lines(void)
{
    const char *env = getenv("LINES");
    int n = env ? atoi(env) : 0;
    struct winsize ws;
    if (n <= 0 && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0)
        n = ws.ws_row;
    return n > 0 ? n : 0;
}

static int app_init(app *a, cli_ctx *ctx, duban_error *err)
{
    memset(a, 0, sizeof *a);
    a->ctx = ctx;
    a->st = ctx->st;
    a->plan_id = ctx->plan_id;
    a->today = ctx->today;
    a->view = VIEW_outline;
    a->detail_pref = -1;
    a->use_color = getenv("NO_COLOR") == NULL;
    a->screen_rows = terminal_lines(); /* the first frame reads what it shows */
    const duban_config *cfg = ctx->config;
    a->warn_days = cfg ? cfg->warn_days : 14;
    a->spacing = cfg ? cfg->spacing : 0;
    a->bar_width = cfg ? cfg->bar_width : 10;
    cli_light_rule(ctx, &a->rule);
    query_filter_clear(&a->filter);
    int rc = views_create(a, err);
    if (!rc)
        rc = store_data_version(a->st, &a->data_version, err);
    sync_result got;
    sync_received_since(a->st, &a->sync_log_seen, &got, NULL); /* none yet is fine */
    app_load_conflicts(a);
    if (!rc)
        rc = meeting_current(a->st, a->plan_id, &a->mtg, err);
    if (!rc && query_filter_active(&ctx->filter)) /* duban present --unit ... */
        rc = vm_filter_set(a, &ctx->filter, err);
    if (!rc && (rc = vm_load(a, err)) == DUBAN_OK) {
        if (ctx->created_db)
            say_created(a, ctx->db_path);
        else
            say_imported(a);
    }
    return rc;
}

/* Reloads what is shown when another connection committed. */
static void poll_store(app *a, int *dirty)
{
    int64_t v;
    if (store_data_version(a->st, &v, NULL) || v == a->data_version)
        return;
    a->data_version = v;
    app_reload(a);
    a->moved = 0; /* the whole frame */
    *dirty = 1;
    sync_result got; /* a sync landed: 从 笔记本 收到 12 处修改，1 处冲突 */
    app_load_conflicts(a);
    if (!sync_received_since(a->st, &a->sync_log_seen, &got, NULL))
        app_message(a, S_OK, "从 %s 收到 %d 处修改，%d 处冲突", got.peer_name, got.received,
                    got.conflicts);
}

/* Stores the fold state the keys changed (vm_save_folds) and the areas'
 * numbers last counted (query_keep_counts): when no key came for a tick
 * and at exit, so that a fold key writes nothing and the first frame
 * waits for no write. */
static void flush_folds(app *a, int *dirty)
{
    duban_error err = {0};
    query_keep_counts(a->st); /* the areas' numbers, for the next start */
    if (vm_flush_folds(a, &err)) {
        app_message(a, S_ERROR, "%s", err.msg);
        *dirty = 1;
    }
}

/* The areas' numbers for the next start, at exit: an edit made since the
 * last count forgets the kept ones (summary_memo.h), and the count held
 * since is not kept (it counted the plan before the edit), so they are
 * counted again here (~4 ms at 10,000 items; nothing when they are still
 * kept) rather than at the next start, before its first frame. */
static void keep_counts_at_exit(app *a)
{
    area_summary_list l;
    if (!query_area_summary(a->st, a->plan_id, a->today, a->warn_days, &a->rule, &l, NULL))
        area_summary_list_free(&l);
    query_keep_counts(a->st);
}

static void draw(app *a)
{
    layout last = a->lay;
    layout_compute(a, LINES, COLS);
    a->screen_rows = LINES;
    int cursor_x = -2;
    if (a->moved && !a->repaint && !memcmp(&last, &a->lay, sizeof last))
        cursor_x = layout_draw_moved(a, a->moved_from); /* the rows the key changed */
    a->moved = a->undrawn = 0;
    if (cursor_x == -2) {
        erase();
        cursor_x = layout_draw_frame(a);
    }
    if (cursor_x >= 0) {
        curs_set(1);
        move(a->lay.status.y, cursor_x);
    } else {
        curs_set(0);
    }
    if (a->repaint) {
        clearok(curscr, TRUE);
        a->repaint = 0;
    }
    wnoutrefresh(stdscr);
    doupdate();
}

static int inside(rect r, int y, int x)
{
    return r.w > 0 && r.h > 0 && y >= r.y && y < r.y + r.h && x >= r.x && x < r.x + r.w;
}

/* The view under (y, x) and its region, or VIEW_COUNT. */
static view_id view_at(const app *a, int y, int x, rect *r)
{
    *r = inside(a->lay.main, y, x) ? a->lay.main : a->lay.detail;
    if (inside(a->lay.main, y, x))
        return a->view;
    return inside(a->lay.detail, y, x) ? VIEW_detail : VIEW_COUNT;
}

static void on_mouse(app *a)
{
    MEVENT ev;
    if (getmouse(&ev) != OK || a->lay.too_small)
        return;
    int wheel = (ev.bstate & BUTTON4_PRESSED) ? -1 : 0;
#ifdef BUTTON5_PRESSED
    if (ev.bstate & BUTTON5_PRESSED)
        wheel = 1;
#endif
    if (!wheel && !(ev.bstate & (BUTTON1_CLICKED | BUTTON1_PRESSED | BUTTON1_RELEASED)))
        return;
    if (!wheel && (ev.bstate & BUTTON1_RELEASED))
        return; /* the press already acted */
    rect r;
    view_id id = view_at(a, ev.y, ev.x, &r);
    if (id == VIEW_COUNT)
        return;
    if (wheel)
        view_wheel(a, id, wheel); /* one handler for all views: the moves repeated */
    else if (view_get(id)->click)
        view_get(id)->click(a, r, ev.y - r.y, ev.x - r.x);
}

/* The actions that only move the main view's cursor (view_move_cursor). */
static int is_move(action act)
{
    return act == ACT_move_down || act == ACT_move_up || act == ACT_page_down ||
           act == ACT_page_up || act == ACT_first_row || act == ACT_last_row;
}

/* One key; returns 1 to quit. */
static int on_key(app *a, int is_fn, wint_t ch)
{
    int key = (int)ch;
    /* keys handled since the last frame (run_loop() draws none while
     * more wait): only a run of moves may still redraw just its rows,
     * from where the first one started */
    int chain = a->undrawn, chain_moved = chain && a->moved;
    a->undrawn = 1;
    a->moved = 0;
    if ((!is_fn && key == '\r') || (is_fn && key == KEY_ENTER)) {
        is_fn = 0;
        key = '\n';
    }
    if (is_fn && key == KEY_RESIZE)
        return 0;
    if (is_fn && key == KEY_MOUSE) {
        on_mouse(a);
        return 0;
    }
    a->msg[0] = '\0';
    if (a->prompt != PROMPT_NONE && !a->lay.too_small) {
        app_prompt_key(a, is_fn, (uint32_t)key);
        return 0;
    }
    int arg;
    action act = action_for_key(a->ctx->config, is_fn, key, store_statuses(a->st), &arg);
    if (a->lay.too_small && act != ACT_quit && act != ACT_redraw)
        return 0; /* nothing changes that cannot be seen */
    view_id view = a->view;
    size_t from = a->ol.cursor, nrows = a->ol.nrows;
    int marked = a->sr.active;
    view_result r = dispatch_action(a, act, arg);
    if (r == VIEW_REPAINT)
        a->repaint = 1;
    /* a move in the outline changes two rows, the detail and the status;
     * so does n / N to a match whose area was open (the rows stay, the
     * marks were shown) */
    int step = (act == ACT_search_next || act == ACT_search_prev) && marked && nrows == a->ol.nrows;
    a->moved = r == VIEW_HANDLED && (is_move(act) || step) && view == VIEW_outline &&
               a->view == VIEW_outline && a->prompt == PROMPT_NONE && (!chain || chain_moved);
    if (!chain)
        a->moved_from = from;
    return r == VIEW_QUIT;
}

/* Home and End as tmux, screen and rxvt send them, whatever TERM says. */
static void define_keys(void)
{
    static const struct {
        const char *seq;
        int key;
    } extra[] = {
        {"\033[1~", KEY_HOME}, {"\033[4~", KEY_END}, {"\033[7~", KEY_HOME}, {"\033[8~", KEY_END},
        {"\033[H", KEY_HOME},  {"\033[F", KEY_END},  {"\033OH", KEY_HOME},  {"\033OF", KEY_END},
    };
    for (size_t i = 0; i < sizeof extra / sizeof extra[0]; i++)
        if (key_defined(extra[i].seq) == 0)
            define_key(extra[i].seq, extra[i].key);
}

static void start_curses(app *a)
{
    cbreak();
    noecho();
    nonl();
    keypad(stdscr, TRUE);
    define_keys();
    set_escdelay(50);
    timeout(TICK_MS);
    curs_set(0);
    mousemask(BUTTON1_PRESSED | BUTTON1_CLICKED | BUTTON4_PRESSED
#ifdef BUTTON5_PRESSED
                  | BUTTON5_PRESSED
#endif
              ,
              NULL);
    mouseinterval(0);
    config_color theme[CONFIG_EL_COUNT];
    if (!a->use_color)
        config_theme_colors(THEME_MONOCHROME, theme);
    else if (a->ctx->config)
        memcpy(theme, a->ctx->config->color, sizeof theme);
    else
        config_theme_colors(THEME_DEFAULT, theme);
    /* ncurses 6.4 flushes its output at every cursor jump of doupdate()
     * (a write() each, five for a move key) until the screen has once
     * been left and taken back: do that here, on the empty screen and
     * before colours start (taking back a screen with colours resets
     * the terminal's palette), so that every frame is one write(). */
    endwin();
    doupdate();
    /* no look for typed-ahead keys inside doupdate() (a poll() every five
     * lines): run_loop() looks once, before it draws */
    typeahead(-1);
    draw_init(a->use_color, store_statuses(a->st), theme, &a->ctx->measure);
}

/* While an edit waits for another process writing the database (the
 * store's wait function): the status line says so and counts the seconds,
 * Esc gives up (after WAIT_GIVE_UP_MS it gives up by itself), and other
 * keys are kept for after the edit.  It runs inside SQLite's busy handler,
 * so it draws only the status line and never touches the store. */
static int on_wait(void *arg, int waited_ms)
{
    app *a = arg;
    int go_on = waited_ms < WAIT_GIVE_UP_MS;
    wint_t ch;
    int r;
    timeout(0);
    while ((r = get_wch(&ch)) != ERR) {
        if (r != KEY_CODE_YES && ch == 27)
            go_on = 0;
        else if (a->npending < (int)(sizeof a->pending / sizeof a->pending[0])) {
            a->pending[a->npending].is_fn = r == KEY_CODE_YES;
            a->pending[a->npending++].key = (uint32_t)ch;
        }
    }
    timeout(TICK_MS);
    rect st = a->lay.status;
    if (waited_ms >= 200 && st.h > 0 && !a->lay.too_small) {
        char line[160];
        snprintf(line, sizeof line, "等待其他 duban 写入… %d 秒（Esc 放弃）", waited_ms / 1000);
        draw_blank(st.y, st.x, st.w, S_BAR_LINE);
        draw_text(st.y, st.x + 1, st.w - 2, line, S_ERROR);
        wnoutrefresh(stdscr);
        doupdate();
    }
    return go_on;
}

/* Long work's progress line (cli_progress.h: a long history's changes,
 * say) on the status line.  It runs inside SQLite's progress handler, so
 * it draws only the status line and never touches the store; the next
 * frame draws over it, so taking it away (line NULL) is nothing to do. */
static void show_on_status_line(void *arg, const char *line)
{
    app *a = arg;
    rect st = a->lay.status;
    if (!line || st.h <= 0 || a->lay.too_small)
        return;
    draw_blank(st.y, st.x, st.w, S_BAR_LINE);
    draw_text(st.y, st.x + 1, st.w - 2, line, S_BAR_LINE);
    wnoutrefresh(stdscr);
    doupdate();
}

/* The next key: one kept while an edit waited, else from the terminal. */
static int next_key(app *a, wint_t *ch)
{
    if (!a->npending)
        return get_wch(ch);
    int is_fn = a->pending[0].is_fn;
    *ch = (wint_t)a->pending[0].key;
    memmove(a->pending, a->pending + 1, (size_t)--a->npending * sizeof a->pending[0]);
    return is_fn ? KEY_CODE_YES : OK;
}

/* A key already typed: one kept while an edit waited, or one waiting on
 * the terminal.  Drawing then would show a frame the next key replaces
 * (a held key, a paste). */
static int key_waiting(const app *a)
{
    struct pollfd in = {.fd = fileno(stdin), .events = POLLIN};
    return a->npending || poll(&in, 1, 0) > 0;
}

/* The deferred areas' items (vm_load()): one area between two looks for
 * a key, and every one before a key acts, so that no key sees rows
 * missing.  Their rows lie below the screen: one frame when the last is
 * in.  A failure folds its area and says why. */
static void load_deferred(app *a, int all, int *dirty)
{
    duban_error err = {0};
    if (vm_load_deferred(a, all, &err)) {
        app_message(a, S_ERROR, "%s", err.msg);
        *dirty = 1;
    }
    if (!vm_deferred(a))
        *dirty = 1;
}

static int run_loop(app *a)
{
    int dirty = 1;
    long last_poll = now_ms();
    store_set_wait(a->st, on_wait, a);
    for (;;) {
        if (dirty && !key_waiting(a)) {
            draw(a);
            dirty = 0;
        }
        wint_t ch;
        /* then look for a key without waiting */
        int deferred = vm_deferred(a), idle = deferred || search_idle_work(a);
        if (idle)
            timeout(0);
        int r = next_key(a, &ch);
        if (idle)
            timeout(TICK_MS);
        if (r != ERR) {
            if (deferred)
                load_deferred(a, 1, &dirty);
            if (on_key(a, r == KEY_CODE_YES, ch))
                return DUBAN_OK;
            dirty = 1;
        } else if (idle) {
            if (deferred)
                load_deferred(a, 0, &dirty);
            else
                search_idle(a);
            if (now_ms() - last_poll < TICK_MS)
                continue;
        }
        if (r == ERR)
            flush_folds(a, &dirty); /* idle: what the fold keys left to store */
        if (r == ERR || now_ms() - last_poll >= TICK_MS) {
            poll_store(a, &dirty);
            last_poll = now_ms();
        }
    }
}

/* The front end: the outline (present 0), or presentation mode on the
 * slide of area area_id (0: the summary). */
static int run_front_end(cli_ctx *ctx, int present, int64_t area_id, duban_error *err)
{
    /* not the command line's progress line: it would write over the
     * screen (duban present is a command); the status line's, below */
    store_set_progress(ctx->st, NULL);
    store_keep_counts(ctx->st, 1); /* the next start's areas' numbers */
    app *a = calloc(1, sizeof *a);
    if (!a)
        return duban_fail(err, DUBAN_ENOMEM, "out of memory");
    int rc = app_init(a, ctx, err);
    SCREEN *scr = rc ? NULL : newterm(NULL, stdout, stdin);
    if (!rc && !scr)
        rc = duban_fail(err, DUBAN_EINVAL, "cannot start the terminal interface (TERM=%s)",
                        getenv("TERM") ? getenv("TERM") : "");
    if (!rc) {
        start_curses(a);
        cli_progress_to(&a->progress, ctx->progress_ms, show_on_status_line, a);
        store_set_progress(a->st, cli_progress_get(&a->progress));
        if (present) { /* the area's slide: its place among the areas, not its number */
            int dirty;
            load_deferred(a, 1, &dirty); /* the slides show any area's items */
            size_t i = area_id ? vm_area_index(a, area_id) : a->ol.nareas;
            present_enter(a, i < a->ol.nareas ? i + 1 : 0);
        }
        rc = run_loop(a);
        keep_counts_at_exit(a);
        vm_flush_folds(a, NULL);           /* the last folds, for the next start */
        store_set_wait(a->st, NULL, NULL); /* a is about to go */
        store_set_progress(a->st, NULL);
        endwin();
        delscreen(scr);
    }
    app_free(a);
    free(a);
    return rc;
}

static int on_terminal(void)
{
    return isatty(STDOUT_FILENO) && isatty(STDIN_FILENO);
}

int tui_run(cli_ctx *ctx, duban_error *err)
{
    if (!on_terminal()) {
        cli_args none = {0};
        return cmd_list(ctx, &none, err);
    }
    return run_front_end(ctx, 0, 0, err);
}

int cmd_present(cli_ctx *ctx, const cli_args *args, duban_error *err)
{
    int64_t area_id = 0;
    if (args->npos > 1)
        return duban_fail(err, DUBAN_EINVAL, "usage: duban present [AREA]");
    if (args->npos) {
        char *end;
        long k = strtol(args->pos[0], &end, 10);
        node area;
        if (*end || k < 1 || k > 99999)
            return duban_fail(err, DUBAN_EINVAL, "present: AREA is an area number, not '%s'",
                              args->pos[0]);
        if (!node_by_ref(ctx->st, ctx->plan_id, args->pos[0], &area, NULL)) {
            area_id = area.depth == NODE_AREA ? area.id : 0;
            node_free(&area);
        }
        if (!area_id) /* before the terminal is taken: one line, exit 3 */
            return duban_fail(err, DUBAN_ENOTFOUND, "present: the plan has no area %ld", k);
    }
    if (!on_terminal()) {
        cli_args filter_only = *args; /* the report of the same items */
        filter_only.npos = 0;
        return cmd_report(ctx, &filter_only, err);
    }
    int rc = cli_filter(ctx, args, &ctx->filter, err);
    if (rc)
        return rc;
    return run_front_end(ctx, 1, area_id, err);
}
