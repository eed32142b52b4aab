/* history_shown.h - a history row's values as people read them, the same
 * on the command line (duban show, history) and in the front end's
 * detail pane.
 *
 * A status key becomes its name (in st's status set), a state its word
 * (正常, 已取消, 已删除), a place ("PARENT SEQ KEY", edit/structure.h) the
 * ref it gives, an order "…", and "" becomes "—".  An addition (recorded
 * as state removed -> "") reads "—" -> 新增.  Values are UTF-8 as stored:
 * the caller escapes them for its output.
 */
#ifndef DUBAN_HISTORY_SHOWN_H
#define DUBAN_HISTORY_SHOWN_H

#include "plan/model.h"
#include "store/store.h"

#include <stddef.h>

#define HISTORY_SHOWN_LEN 64 /* room for a ref made from a place */

/* The value v of field for people: a constant, v itself, or buf (at least
 * HISTORY_SHOWN_LEN bytes) holding a ref made from a place. */
const char *history_shown_value(store *st, const char *field, const char *v, char *buf);

/* Both values of h: *old_v and *new_v point into h, constants, ob or nb. */
void history_shown_values(store *st, const history_row *h, char *ob, char *nb, const char **old_v,
                          const char **new_v);

#endif
