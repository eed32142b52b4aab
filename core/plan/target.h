/* target.h - numeric targets (量化指标) found in item text, and their
 * progress.
 *
 * The scanner (target_scan, pure) finds a number with a unit that closes a
 * clause, e.g. 省级美丽城镇3个, 新时代美丽乡村17个, 城镇登记失业率控制在2%以内,
 * 村集体年经常性收入超150万元, 经营性收入50万元全覆盖.  The label is the text of
 * the clause before the number, without leading verbs (确保 力争 成功 创建
 * 完成 实现 ...) and trailing comparison words (超 达到 控制在 不超过 ...).
 * Direction: at most when the clause says 以内 以下 不超过 不高于 低于 控制在,
 * at least otherwise.  Not targets: a number followed by more text (9个专委会),
 * ordinals (第3个), numbers without a unit or with a date unit (2021年, 10月),
 * numbers glued to Latin letters (5G, G60), Chinese numerals (十七连冠).
 *
 * store_add_plan() stores each node's targets (title, then body) in
 * order; seq is the 1-based position within the node and never changes.
 * Progress (the current value) is a history-recorded edit with field
 * "target.SEQ", so undo, redo and meetings treat it like any other edit.
 */
#ifndef DUBAN_TARGET_H
#define DUBAN_TARGET_H

#include "base/error.h"
#include "plan/model.h"

#include <stddef.h>
#include <stdint.h>

typedef enum target_dir { TARGET_AT_LEAST, TARGET_AT_MOST } target_dir;

typedef struct target_hit {
    char *label;   /* e.g. 新时代美丽乡村 */
    char *phrase;  /* the clause it came from */
    double number; /* e.g. 17 */
    char unit[24]; /* e.g. 个, %, 万元 */
    target_dir dir;
} target_hit;

/* Appends the targets found in text (UTF-8) to *v (*n entries, grown with
 * realloc; start with NULL/0).  Returns DUBAN_OK or DUBAN_ENOMEM (then *v
 * keeps the hits appended so far; free them). */
int target_scan(const char *text, target_hit **v, size_t *n);
void target_hits_free(target_hit *v, size_t n);

const char *target_dir_key(target_dir d); /* "at_least" / "at_most" */
/* A number as people write it: 17, 2, 1.5 (at most 10 significant digits). */
void target_format_number(double x, char out[32]);

/* A stored target. */
typedef struct target {
    int64_t id;
    int64_t node_id;
    int seq;
    char ref[REF_LEN]; /* the item's ref */
    char *label;
    char *phrase;
    double number;
    char unit[24];
    target_dir dir;
    int has_current; /* 0 until progress is reported */
    double current;
} target;
typedef struct target_list {
    target *v;
    size_t n;
} target_list;

void target_list_free(target_list *l);
/* 1 when the current value reaches the target (>= for at least, <= for at
 * most), 0 otherwise or when no value was reported. */
int target_met(const target *t);
/* "9/17个", "—/17个" (no value yet), "1.8/2%". */
void target_progress_text(const target *t, char *out, size_t outsz);

/* Index in l of the target whose label equals `label`, else the only one
 * containing it.  DUBAN_ENOTFOUND / DUBAN_EINVAL (ambiguous) name the
 * labels there are. */
int target_find(const target_list *l, const char *label, size_t *index, duban_error *err);

#endif
