/* status.h - the set of item statuses (未启动, 推进中, 滞后, 受阻, 已完成 by default).
 *
 * A status has a stable key stored in the database ("in_progress"), a
 * display name, a one-key shortcut, a glyph that alone tells statuses apart
 * (projectors wash colours out), a colour name, whether it counts as
 * done, and its role in the light rule (light.h): a blocked status
 * (受阻) forces a red light, a behind status (滞后) a yellow one.  The
 * rule asks the set, never a key.  A set is a plain value (fixed capacity, no heap) so it can be
 * copied and replaced by configuration.
 */
#ifndef DUBAN_STATUS_H
#define DUBAN_STATUS_H

#include <stddef.h>

#define STATUS_MAX 16

/* What a not-done status means for the light (light_of). */
enum status_role {
    STATUS_ROLE_NONE,    /* the deadline alone decides */
    STATUS_ROLE_BEHIND,  /* at least yellow (滞后) */
    STATUS_ROLE_BLOCKED, /* red (受阻) */
    STATUS_ROLE_COUNT
};

typedef struct status_def {
    char key[32];   /* stored in the database, [a-z0-9_]+ */
    char name[64];  /* display name, e.g. 已完成 */
    char glyph[16]; /* e.g. "[x]" */
    char color[16]; /* curses colour name: green, yellow, red, ... */
    int shortcut;   /* key in the front end, e.g. '5' */
    int done;       /* counts as done for progress and overdue */
    int role;       /* enum status_role */
} status_def;

typedef struct status_set {
    status_def v[STATUS_MAX];
    size_t n;
} status_set;

/* The five defaults of DESIGN.md. */
const status_set *status_defaults(void);

/* Finds a status by its key, display name, English alias (case-insensitive)
 * or 1-based number ("5").  NULL if none matches. */
const status_def *status_lookup(const status_set *set, const char *word);
const status_def *status_by_key(const status_set *set, const char *key);
/* The status after key in set order (wrapping); the first for NULL/unknown. */
const status_def *status_next(const status_set *set, const char *key);
/* 1 if key is a done status.  Unknown keys are not done. */
int status_is_done(const status_set *set, const char *key);
/* The role of key in set; STATUS_ROLE_NONE for an unknown key. */
enum status_role status_role_of(const status_set *set, const char *key);
/* "none" "behind" "blocked"; "none" for an out-of-range value. */
const char *status_role_name(enum status_role role);
/* Parses a role name; returns 0, or -1 when it is none of the above. */
int status_role_parse(const char *name, enum status_role *role);
/* JSON array of the done keys, e.g. ["done"], for binding into SQL
 * (json_each).  Writes into out (NUL-terminated); returns 0, or -1 if it
 * does not fit. */
int status_done_json(const status_set *set, char *out, size_t outsz);

#endif
