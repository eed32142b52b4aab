/* libFuzzer target: the sanitisers and escaping paths every output goes
 * through (terminal text, wrapping, JSON, Markdown).  Whatever the input,
 * the terminal form has no control character, the wrapped lines fit, and
 * the JSON and Markdown forms have nothing raw. */
#include "text/table.h"
#include "text/textwidth.h"
#include "text/utf8.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void no_controls(const char *s)
{
    size_t n = strlen(s);
    if (!utf8_valid(s, n, NULL))
        abort();
    for (size_t off = 0; off < n;) {
        uint32_t cp;
        off += utf8_decode(s + off, n - off, &cp);
        if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0) || (cp >= 0x202A && cp <= 0x202E) ||
            (cp >= 0x2066 && cp <= 0x2069))
            abort();
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *text = malloc(size + 1);
    if (!text)
        return 0;
    memcpy(text, data, size);
    text[size] = '\0';
    char *clean = text_sanitize(text);
    if (clean) {
        no_controls(clean);
        free(clean);
    }
    int w = size ? 2 + data[0] % 40 : 10;
    char *fit = text_fit(text, w, NULL);
    if (fit) {
        no_controls(fit);
        if (text_width(fit, NULL) != w)
            abort();
        free(fit);
    }
    char **lines;
    size_t count;
    if (text_wrap(text, w, NULL, &lines, &count) == 0) {
        for (size_t i = 0; i < count; i++) {
            no_controls(lines[i]);
            if (text_width(lines[i], NULL) > w)
                abort();
        }
        text_lines_free(lines, count);
    }
    strbuf sb = {0};
    if (json_append_string(&sb, text) == 0) {
        const char *j = strbuf_str(&sb);
        if (!utf8_valid(j, sb.len, NULL))
            abort();
        for (const unsigned char *p = (const unsigned char *)j; *p; p++)
            if (*p < 0x20 || *p == 0x7f)
                abort();
    }
    strbuf_free(&sb);
    if (md_append_text(&sb, text) == 0 &&
        (strchr(strbuf_str(&sb), '<') || strchr(strbuf_str(&sb), '>')))
        abort();
    strbuf_free(&sb);
    free(text);
    return 0;
}
