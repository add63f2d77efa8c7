/* text.c: UTF-8 validation, Unicode folding (utf8proc) and inert text for the terminal. */
#include "wijktafel/text.h"

#include <string.h>
#include <utf8proc.h>

#include "wijktafel/xalloc.h"

bool text_valid_utf8(const char *s, size_t n)
{
    const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
    size_t i = 0;
    while (i < n) {
        if (p[i] == 0)
            return false;
        if (p[i] < 0x80) {
            i++;
            continue;
        }
        utf8proc_int32_t cp;
        utf8proc_ssize_t k = utf8proc_iterate(p + i, (utf8proc_ssize_t)(n - i), &cp);
        if (k <= 0)
            return false;
        i += (size_t)k;
    }
    return true;
}

static bool all_ascii(const char *s)
{
    for (const unsigned char *p = (const unsigned char *)s; *p; p++)
        if (*p >= 0x80)
            return false;
    return true;
}

static char *fold_with(const char *s, utf8proc_option_t opts)
{
    if (!s)
        return NULL;
    /* Fast path: ASCII folds to its lower case under every option used here. */
    if (all_ascii(s)) {
        char *r = xstrdup(s);
        for (char *p = r; *p; p++)
            if (*p >= 'A' && *p <= 'Z')
                *p = (char)(*p - 'A' + 'a');
        return r;
    }
    utf8proc_uint8_t *out = NULL;
    utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)s, 0, &out,
                                      UTF8PROC_NULLTERM | UTF8PROC_STABLE | opts);
    if (n < 0)
        return NULL;
    char *r = xstrdup((char *)out);
    free(out);
    return r;
}

char *text_fold(const char *s)
{
    return fold_with(s, UTF8PROC_COMPAT | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD |
                        UTF8PROC_STRIPMARK | UTF8PROC_IGNORE);
}

char *text_id_of_name(const char *name, size_t max)
{
    char out[64];
    if (max >= sizeof out)
        max = sizeof out - 1;
    char *folded = text_fold(name ? name : "");
    size_t n = 0;
    bool dash = false;
    for (const unsigned char *p = (const unsigned char *)(folded ? folded : ""); *p && n < max;
         p++) {
        if ((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9')) {
            if (dash && n > 0 && n + 1 < max)
                out[n++] = '-';
            out[n++] = (char)*p;
            dash = false;
        } else if (*p < 0x80 || (*p & 0xc0) == 0xc0) {
            dash = true; /* a space, a sign, or a letter outside a-z */
        }
    }
    out[n] = '\0';
    free(folded);
    return xstrdup(out);
}

char *text_fold_tag(const char *s)
{
    return fold_with(s, UTF8PROC_COMPAT | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD);
}

static bool unsafe_codepoint(utf8proc_int32_t cp)
{
    if (cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp <= 0x9f))
        return true;
    /* Bidirectional controls: they reorder what follows on the screen. */
    if (cp == 0x061c || cp == 0x200e || cp == 0x200f || (cp >= 0x202a && cp <= 0x202e) ||
        (cp >= 0x2066 && cp <= 0x2069))
        return true;
    /* Interlinear annotation and other format characters that hide text. */
    if ((cp >= 0xfff9 && cp <= 0xfffb) || cp == 0xfeff)
        return true;
    return false;
}

char *text_inert(const char *s, bool keep_newlines)
{
    struct buf b = {0};
    const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)(s ? s : "");
    size_t n = strlen((const char *)p), i = 0;
    static const char repl[] = "\xef\xbf\xbd";
    buf_append(&b, "", 0);
    while (i < n) {
        if (p[i] >= 0x20 && p[i] < 0x7f) {
            size_t j = i;
            while (j < n && p[j] >= 0x20 && p[j] < 0x7f)
                j++;
            buf_append(&b, p + i, j - i);
            i = j;
            continue;
        }
        utf8proc_int32_t cp;
        utf8proc_ssize_t k = utf8proc_iterate(p + i, (utf8proc_ssize_t)(n - i), &cp);
        if (k <= 0) {
            buf_append(&b, repl, 3);
            i++;
            continue;
        }
        if (cp == '\n')
            buf_putc(&b, keep_newlines ? '\n' : ' ');
        else if (cp == '\t' || cp == '\r')
            buf_putc(&b, ' ');
        else if (unsafe_codepoint(cp))
            buf_append(&b, repl, 3);
        else
            buf_append(&b, p + i, (size_t)k);
        i += (size_t)k;
    }
    return buf_steal(&b);
}

void text_inert_append(struct buf *out, const char *s, size_t n)
{
    const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
    static const char repl[] = "\xef\xbf\xbd";
    size_t i = 0;
    while (i < n) {
        size_t j = i;
        while (j < n && ((p[j] >= 0x20 && p[j] < 0x7f) || p[j] == '\n' || p[j] == '\t'))
            j++;
        buf_append(out, p + i, j - i);
        if ((i = j) >= n)
            break;
        utf8proc_int32_t cp;
        utf8proc_ssize_t k = utf8proc_iterate(p + i, (utf8proc_ssize_t)(n - i), &cp);
        if (k <= 0 || unsafe_codepoint(cp))
            buf_append(out, repl, 3);
        else
            buf_append(out, p + i, (size_t)k);
        i += k <= 0 ? 1 : (size_t)k;
    }
}

char *text_json_escape(const char *json)
{
    struct buf b = {0};
    const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)json;
    size_t n = strlen(json), i = 0;
    buf_append(&b, "", 0);
    while (i < n) {
        size_t j = i;
        while (j < n && p[j] < 0x7f)
            j++;
        buf_append(&b, p + i, j - i);
        if ((i = j) >= n)
            break;
        utf8proc_int32_t cp;
        utf8proc_ssize_t k = utf8proc_iterate(p + i, (utf8proc_ssize_t)(n - i), &cp);
        if (k <= 0) {
            buf_putc(&b, (char)p[i++]); /* jansson writes valid UTF-8 only */
            continue;
        }
        if (unsafe_codepoint(cp))
            buf_printf(&b, "\\u%04X", (unsigned)cp);
        else
            buf_append(&b, p + i, (size_t)k);
        i += (size_t)k;
    }
    return buf_steal(&b);
}

char *text_trim(const char *s)
{
    size_t n = strlen(s);
    if (n && s[0] != ' ' && s[0] != '\t' && s[0] != '\r' && s[0] != '\n' && s[n - 1] != ' ' &&
        s[n - 1] != '\t' && s[n - 1] != '\r' && s[n - 1] != '\n')
        return xstrndup(s, n);
    const char *a = s, *e = s + n;
    while (a < e && (*a == ' ' || *a == '\t' || *a == '\r' || *a == '\n'))
        a++;
    while (e > a && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r' || e[-1] == '\n'))
        e--;
    return xstrndup(a, (size_t)(e - a));
}

/* True when every word of t (folded; separated by spaces, or by / as in an
 * area) starts a word of n, in order, the first at the start of some word. */
static bool words_prefix(const char *t, const char *n, bool whole)
{
    while (*t == ' ' || *t == '/')
        t++;
    if (!*t)
        return false;
    const char *w = n;
    while (*t) {
        size_t tl = strcspn(t, " /");
        for (;;) {
            while (*w == ' ' || *w == '/')
                w++;
            if (!*w)
                return false;
            size_t wl = strcspn(w, " /");
            bool ok = (whole ? tl == wl : tl <= wl) && strncmp(w, t, tl) == 0;
            w += wl;
            if (ok)
                break;
        }
        t += tl;
        while (*t == ' ' || *t == '/')
            t++;
    }
    return true;
}

bool text_words_match(const char *typed, const char *name)
{
    char *t = text_fold(typed ? typed : ""), *n = text_fold(name ? name : "");
    bool ok = t && n && words_prefix(t, n, false);
    free(t);
    free(n);
    return ok;
}

int text_pick(const char *typed, const char *const *ids, const char *const *names, size_t n)
{
    char *t = typed ? text_fold(typed) : NULL;
    if (!t)
        return -1;
    int found = -1;
    for (size_t i = 0; ids && i < n && found < 0; i++)
        if (ids[i] && strcmp(ids[i], typed) == 0)
            found = (int)i;
    for (size_t i = 0; i < n && found < 0; i++) {
        char *f = text_fold(names[i] ? names[i] : "");
        if (f && *t && strcmp(f, t) == 0)
            found = (int)i;
        free(f);
    }
    /* Whole words first ("noor" is Noor Haddou, not Noortje), then beginnings. */
    for (int whole = 1; whole >= 0 && found == -1; whole--) {
        for (size_t i = 0; i < n; i++) {
            char *f = text_fold(names[i] ? names[i] : "");
            bool ok = f && words_prefix(t, f, whole);
            free(f);
            if (ok) {
                if (found >= 0) {
                    found = -2;
                    break;
                }
                found = (int)i;
            }
        }
    }
    free(t);
    return found;
}

char *text_cut(const char *s, size_t max)
{
    size_t len = strcspn(s, "\r\n");
    /* keep: the bytes of the first max - 1 characters, should it be cut;
     * space: where the last space among them starts. */
    size_t count = 0, keep = 0, space = 0, space_at = 0, i = 0;
    bool boundary = false;
    utf8proc_int32_t state = 0, prev = -1;
    while (i < len) {
        utf8proc_int32_t c;
        utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
                                              (utf8proc_ssize_t)(len - i), &c);
        if (n <= 0)
            break;
        if (prev < 0 || utf8proc_grapheme_break_stateful(prev, c, &state)) {
            if (++count > max)
                break;
            if (count < max)
                keep = i + (size_t)n;
            if (c == ' ' && count < max) {
                space = i;
                space_at = count;
            }
            if (c == ' ' && count == max)
                boundary = true; /* the kept part ends with a whole word */
        } else if (count < max) {
            keep = i + (size_t)n; /* a mark that belongs to a kept character */
        }
        prev = c;
        i += (size_t)n;
    }
    if (count <= max && i >= len && len == strlen(s))
        return xstrndup(s, len);
    if (!boundary && space && space_at * 2 > max)
        keep = space;
    while (keep && s[keep - 1] == ' ')
        keep--;
    return xasprintf("%.*s\u2026", (int)keep, s);
}
