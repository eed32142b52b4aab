/* libFuzzer target: the date parser, the deadline words and the numeric
 * targets found in an item's text.  Every date they produce must parse
 * back. */
#include "plan/date.h"
#include "plan/deadline.h"
#include "plan/target.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *text = malloc(size + 1);
    if (!text)
        return 0;
    memcpy(text, data, size);
    text[size] = '\0';
    long day;
    duban_error err = {0};
    if (date_parse(text, &day, &err) == DUBAN_OK) {
        char back[DATE_LEN];
        date_format(day, back);
        long again;
        if (date_parse(back, &again, NULL) != DUBAN_OK || again != day)
            abort();
    }
    int year = size ? 1990 + data[0] % 60 : 2021;
    char due[DATE_LEN];
    int approximate;
    if (deadline_word_date(text, year, due, &approximate) && date_parse(due, NULL, NULL))
        abort();
    doc_milestone *ms = NULL;
    size_t n = 0;
    deadline_scan(text, year, &ms, &n);
    for (size_t i = 0; i < n; i++) {
        if (date_parse(ms[i].due, NULL, NULL) != DUBAN_OK)
            abort();
        free(ms[i].phrase);
        free(ms[i].word);
    }
    free(ms);
    target_hit *hits = NULL;
    size_t nh = 0;
    target_scan(text, &hits, &nh);
    target_hits_free(hits, nh);
    free(text);
    return 0;
}
