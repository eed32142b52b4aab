/* search_texts: the in-memory copy finds what query_search finds for
 * searches of 1-2 character words: one character (its posting list), two
 * (two lists and the pair side by side, never across two columns), ASCII
 * letters in either case, CJK, a character at the end of a text, several
 * words; every character and many pairs of the seed plan (lists kept as
 * bitmaps and as arrays); more than 127 and 3,200 distinct characters (2
 * and 3 byte numbers); past 65,535 the load refuses (DUBAN_EINVAL); a
 * load in steps of a few rows gives the same copy, searchable only once
 * complete.
 * Searches mixing short and long words are not its own. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "edit/edit.h"
#include "import/import.h"
#include "query/query.h"
#include "query/search_texts.h"
#include "testutil.h"
#include "text/utf8.h"

#include <stdlib.h>
#include <string.h>

static int cmp_id(const void *x, const void *y)
{
    int64_t p = *(const int64_t *)x, q = *(const int64_t *)y;
    return (p > q) - (p < q);
}

static int contains(const id_list *l, int64_t id)
{
    return l->n && bsearch(&id, l->v, l->n, sizeof id, cmp_id) != NULL;
}

/* search_texts_find(t, text), kept to the plan's outline, is exactly
 * query_search(text); returns how many it found. */
static size_t same(store *st, int64_t plan, const search_texts *t, const char *text)
{
    id_list want, got, outline;
    assert_true(search_texts_serves(text));
    assert_int_equal(query_search(st, plan, text, &want, NULL), DUBAN_OK);
    assert_int_equal(search_texts_find(t, text, &got, NULL), DUBAN_OK);
    assert_int_equal(query_outline_ids(st, plan, &outline, NULL), DUBAN_OK);
    if (outline.n)
        qsort(outline.v, outline.n, sizeof *outline.v, cmp_id);
    if (got.n)
        qsort(got.v, got.n, sizeof *got.v, cmp_id);
    if (want.n)
        qsort(want.v, want.n, sizeof *want.v, cmp_id);
    size_t kept = 0;
    for (size_t i = 0; i < got.n; i++) {
        if (i && got.v[i] == got.v[i - 1])
            fail_msg("'%s': %lld found twice", text, (long long)got.v[i]);
        if (!contains(&outline, got.v[i]))
            continue;
        if (!contains(&want, got.v[i]))
            fail_msg("'%s': %lld found, not a match", text, (long long)got.v[i]);
        kept++;
    }
    if (kept != want.n)
        fail_msg("'%s': %zu found in the outline, %zu matches", text, kept, want.n);
    id_list_free(&want);
    id_list_free(&got);
    id_list_free(&outline);
    return kept;
}

static search_texts *load(store *st)
{
    search_texts *t;
    assert_int_equal(search_texts_load(st, &t, NULL), DUBAN_OK);
    return t;
}

static void short_words(void **state)
{
    fixture *f = *state;
    fixture_edit(f, "1.1", FIELD_NOTE, "进展甲 ABC招商", NULL);
    fixture_edit(f, "2.1", FIELD_UNIT, "招商局", NULL);
    fixture_edit(f, "1.2", FIELD_BODY, "末尾", NULL);
    fixture_edit(f, "1.2.1", FIELD_LEADER, "Xy", NULL);
    search_texts *t = load(f->st);
    /* one character; two; at the end of a text; ASCII either case */
    assert_int_equal(same(f->st, f->plan, t, "局"), 1);
    assert_int_equal(same(f->st, f->plan, t, "招商"), 2);
    assert_int_equal(same(f->st, f->plan, t, "商局"), 1);
    assert_int_equal(same(f->st, f->plan, t, "尾"), 1);
    assert_int_equal(same(f->st, f->plan, t, "末尾"), 1);
    assert_int_equal(same(f->st, f->plan, t, "尾末"), 0);
    assert_int_equal(same(f->st, f->plan, t, "ab"), 1);
    assert_int_equal(same(f->st, f->plan, t, "aB"), 1);
    assert_int_equal(same(f->st, f->plan, t, "C招"), 1);
    assert_int_equal(same(f->st, f->plan, t, "xY"), 1);
    assert_int_equal(same(f->st, f->plan, t, "Y"), 1);
    /* several words, all of them needed */
    assert_int_equal(same(f->st, f->plan, t, "招 局"), 1);
    assert_int_equal(same(f->st, f->plan, t, "招商　ab"), 1);
    assert_int_equal(same(f->st, f->plan, t, "ab 局"), 0);
    assert_int_equal(same(f->st, f->plan, t, "商 商 c"), 1);
    /* a character in no text */
    assert_int_equal(same(f->st, f->plan, t, "鑫"), 0);
    assert_int_equal(same(f->st, f->plan, t, "招鑫"), 0);
    search_texts_free(t);
    /* the end of one column and the start of the next are not a pair */
    fixture_edit(f, "2.1", FIELD_LEADER, "局长", NULL);
    t = load(f->st);
    assert_int_equal(same(f->st, f->plan, t, "局局"), 0);
    assert_int_equal(same(f->st, f->plan, t, "局长"), 1);
    search_texts_free(t);
    /* mixed with a long word, or malformed: query_search_candidates's */
    assert_false(search_texts_serves("招商引资 局"));
    assert_false(search_texts_serves("招\xE6\x8B"));
    assert_false(search_texts_serves(""));
    assert_false(search_texts_serves("a b c d e f g h i j k l m n o p q"));
}

/* Every character of the seed plan's file and a pair at every 5th one. */
static void the_seed(void **state)
{
    fixture *f = *state;
    int64_t seed = test_add_seed_plan(f->st);
    size_t len;
    char *src = test_read_file(DUBAN_SEED_PATH, &len);
    search_texts *t = load(f->st);
    char seen[0x10000] = {0};
    size_t found = 0, at = 0;
    for (size_t i = 0; i < len; at++) {
        uint32_t cp, cp2;
        size_t k = utf8_decode(src + i, len - i, &cp);
        size_t k2 = i + k < len ? utf8_decode(src + i + k, len - i - k, &cp2) : 0;
        char w[9] = {0};
        if (cp > ' ' && cp < 0x10000 && cp != 0x3000 && !seen[cp]) {
            seen[cp] = 1;
            memcpy(w, src + i, k);
            found += same(f->st, seed, t, w) > 0;
        }
        if (at % 5 == 0 && k2 && cp > ' ' && cp2 > ' ' && cp != 0x3000 && cp2 != 0x3000) {
            memcpy(w, src + i, k + k2);
            w[k + k2] = 0;
            same(f->st, seed, t, w);
        }
        i += k;
    }
    assert_true(found > 200);
    search_texts_free(t);
    free(src);
}

/* A note of the distinct characters from..to (counted from U+4E00, then
 * from U+20000), ending in "尾". */
static char *many(size_t from, size_t to)
{
    char *s = malloc(4 * (to - from) + 4);
    assert_non_null(s);
    size_t len = 0;
    for (size_t i = from; i < to; i++) {
        uint32_t cp = i < 20000 ? 0x4E00 + (uint32_t)i : 0x20000 + (uint32_t)(i - 20000);
        if (cp == 0x5C3E) /* 尾 */
            cp = 0x30000;
        len += utf8_encode(cp, s + len);
    }
    strcpy(s + len, "尾");
    return s;
}

static void many_characters(void **state)
{
    fixture *f = *state;
    char *note = many(0, 5000);
    fixture_edit(f, "1.1", FIELD_NOTE, note, NULL);
    search_texts *t = load(f->st);
    assert_true(same(f->st, f->plan, t, "一") >= 1);    /* U+4E00, the first */
    assert_int_equal(same(f->st, f->plan, t, "尾"), 1); /* the last */
    char one[8] = {0}, two[8] = {0}, pair[16] = {0};
    utf8_encode(0x4E00 + 4000, one); /* past the 3,200th: a 3-byte number */
    utf8_encode(0x4E00 + 4001, two);
    assert_int_equal(same(f->st, f->plan, t, one), 1);
    strcat(strcpy(pair, one), two);
    assert_int_equal(same(f->st, f->plan, t, pair), 1);
    strcat(strcpy(pair, two), one);
    assert_int_equal(same(f->st, f->plan, t, pair), 0);
    assert_int_equal(same(f->st, f->plan, t, "一丁 尾"), 1);
    search_texts_free(t);
    free(note);
    static const char *const refs[] = {"1.2", "1.2.1", "2.1"};
    for (size_t i = 0; i < 3; i++) { /* a note holds at most 128,000 bytes */
        note = many(i * 30000, i * 30000 + (i < 2 ? 30000 : 6000));
        fixture_edit(f, refs[i], FIELD_NOTE, note, NULL);
        free(note);
    }
    duban_error err = {0};
    assert_int_equal(search_texts_load(f->st, &t, &err), DUBAN_EINVAL);
    assert_null(t);
}

/* Loaded in steps of rows (1, 3, 1000) and whole: the same answers. */
static void in_steps(void **state)
{
    fixture *f = *state;
    fixture_edit(f, "1.1", FIELD_NOTE, "进展甲 ABC招商", NULL);
    fixture_edit(f, "2.1", FIELD_UNIT, "招商局", NULL);
    static const char *const texts[] = {"招", "招商", "局", "ab", "甲 c", "项目", "鑫", "1"};
    static const size_t steps[] = {1, 3, 1000};
    for (size_t k = 0; k < 3; k++) {
        search_texts *t = NULL;
        int done = 0, calls = 0;
        id_list ids;
        while (!done) {
            assert_int_equal(search_texts_load_step(f->st, &t, steps[k], &done, NULL), DUBAN_OK);
            assert_non_null(t);
            assert_int_equal(search_texts_complete(t), done);
            if (!done)
                assert_int_equal(search_texts_find(t, "招", &ids, NULL), DUBAN_EINVAL);
            calls++;
        }
        assert_true(steps[k] > 3 ? calls == 1 : calls > 2);
        for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++)
            same(f->st, f->plan, t, texts[i]);
        search_texts_free(t);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(short_words, fixture_setup, fixture_teardown),
        cmocka_unit_test_setup_teardown(the_seed, fixture_setup, fixture_teardown),
        cmocka_unit_test_setup_teardown(many_characters, fixture_setup, fixture_teardown),
        cmocka_unit_test_setup_teardown(in_steps, fixture_setup, fixture_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
