/* json_stream.c: the elements of a JSON array, one at a time, from input fed in pieces of any
 * size. This reader only finds where the array starts, the separators between its elements and
 * where each element ends (brackets outside strings); the element itself is parsed by jansson in
 * the caller. Limits stop a huge bad input at once, and everything is decided byte by byte, so
 * the result does not depend on how the input was cut. */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "app_int.h"
#include "wijktafel/i18n.h"
#include "wijktafel/record.h"

enum js_state { JS_START, JS_BEFORE, JS_ELEM, JS_AFTER, JS_DONE };

struct json_stream {
    const char *fname;
    json_elem_fn fn;
    void *ctx;
    enum js_state state;
    struct buf el;      /* the element read so far */
    size_t depth;       /* brackets open in it */
    bool in_str, esc;   /* inside a string; after its backslash */
    size_t str_len;     /* raw bytes of the current string */
    size_t since;       /* bytes since the element before ended (or since the start) */
    size_t n;           /* elements handed on */
    bool after_comma;   /* JS_BEFORE: a ',' came; a ']' now is wrong */
    size_t str_at;      /* where the last string at depth 1 starts in el (after its quote) */
    size_t str_end;     /* and ends (its closing quote) */
    size_t key_at, key_end; /* the key of the value being read (depth 1), key_end 0: none */
    int rc;
};

struct json_stream *json_stream_new(const char *fname, json_elem_fn fn, void *ctx)
{
    struct json_stream *s = xcalloc(1, sizeof *s);
    s->fname = fname;
    s->fn = fn;
    s->ctx = ctx;
    return s;
}

void json_stream_free(struct json_stream *s)
{
    if (!s)
        return;
    buf_fini(&s->el);
    free(s);
}

static bool space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Stops the stream with "FILE: record N: what" (N the record being read), or
 * "FILE: what" once the list has ended. */
static int stop(struct json_stream *s, struct wt_error *err, const char *what)
{
    if (s->state == JS_DONE || s->state == JS_START)
        s->rc = wt_error_set(err, WT_EINVAL, "%s: %s", s->fname, what);
    else
        s->rc = wt_error_set(err, WT_EINVAL, _("%s: record %zu: %s"), s->fname, s->n + 1, what);
    return s->rc;
}

/* A string over the limit: named by its column when it is a value at depth 1
 * whose key is a column name as export writes it. */
static int too_long(struct json_stream *s, struct wt_error *err)
{
    const char *what = _("een waarde is langer dan 4000 bytes (of een aanhalingsteken wordt niet "
                         "gesloten)");
    size_t klen = s->key_end - s->key_at;
    if (!s->key_end || klen == 0 || klen > 40 || memchr(s->el.data + s->key_at, '\\', klen))
        return stop(s, err, what);
    char key[41];
    memcpy(key, s->el.data + s->key_at, klen);
    key[klen] = '\0';
    for (const char *p = key; *p; p++)
        if (!(*p >= 'a' && *p <= 'z') && *p != '_')
            return stop(s, err, what);
    char *msg = xasprintf("%s: %s", key, what);
    stop(s, err, msg);
    free(msg);
    return s->rc;
}

/* One byte of an element, at offset pos of it: strings, brackets, keys.
 * 1 when the element ends with it, 2 when a string passed its limit, else 0. */
static int elem_byte(struct json_stream *s, char c, size_t pos)
{
    if (s->in_str) {
        if (s->esc)
            s->esc = false;
        else if (c == '\\')
            s->esc = true;
        else if (c == '"') {
            s->in_str = false;
            if (s->depth == 1)
                s->str_end = pos;
            return 0;
        }
        return ++s->str_len > JSON_MAX_STRING_READ ? 2 : 0;
    }
    switch (c) {
    case '"':
        s->in_str = true;
        s->str_len = 0;
        if (s->depth == 1)
            s->str_at = pos + 1;
        break;
    case '{':
    case '[':
        s->depth++;
        break;
    case '}':
    case ']':
        if (--s->depth == 0)
            return 1;
        break;
    case ':':
        if (s->depth == 1) {
            s->key_at = s->str_at;
            s->key_end = s->str_end;
        }
        break;
    case ',':
        if (s->depth == 1)
            s->key_end = 0;
        break;
    default:
        break;
    }
    return 0;
}

/* The element in el is complete: handed on. */
static int elem_done(struct json_stream *s)
{
    s->n++;
    int rc = s->fn(s->ctx, s->n, s->el.data, s->el.len);
    buf_reset(&s->el);
    s->key_end = 0;
    s->since = 0;
    s->state = JS_AFTER;
    return rc ? (s->rc = rc) : 0;
}

/* One byte outside an element (before, between or after them). */
static int gap_byte(struct json_stream *s, char c, struct wt_error *err)
{
    if (space(c))
        return 0;
    switch (s->state) {
    case JS_START:
        if (c != '[')
            return stop(s, err, _("geen JSON-lijst van records (zoals export --format json die "
                                  "schrijft)"));
        s->state = JS_BEFORE;
        return 0;
    case JS_BEFORE:
        if (c == ']' && !s->after_comma) {
            s->state = JS_DONE;
            return 0;
        }
        if (c != '{')
            return stop(s, err, c == ']' ? _("geen geldige JSON: na de komma ontbreekt een "
                                             "record")
                                         : _("geen object met kolommen"));
        s->state = JS_ELEM; /* the caller keeps the '{' */
        s->depth = 1;
        return 0;
    case JS_AFTER:
        if (c == ',') {
            s->state = JS_BEFORE;
            s->after_comma = true;
            return 0;
        }
        if (c == ']') {
            s->state = JS_DONE;
            return 0;
        }
        return stop(s, err, _("geen geldige JSON: na een record komt een komma of ]"));
    default:
        return stop(s, err, _("geen geldige JSON: na het einde van de lijst staat nog tekst"));
    }
}

int json_stream_feed(struct json_stream *s, const char *buf, size_t len, struct wt_error *err)
{
    if (s->rc)
        return s->rc;
    size_t from = 0; /* the element's bytes from here on are not in el yet */
    for (size_t i = 0; i < len; i++) {
        char c = buf[i];
        if (c == '\0')
            return stop(s, err, _("het bestand bevat een NUL-byte"));
        bool counted = s->state != JS_START && s->state != JS_DONE;
        if (counted && ++s->since > JSON_MAX_RECORD)
            return stop(s, err, _("een record is langer dan 1 MiB"));
        int rc;
        if (s->state != JS_ELEM) {
            if ((rc = gap_byte(s, c, err)) != 0)
                return rc;
            from = s->state == JS_ELEM ? i : i + 1; /* an element keeps its '{' */
            continue;
        }
        rc = elem_byte(s, c, s->el.len + (i - from));
        if (rc == 0)
            continue;
        buf_append(&s->el, buf + from, i + 1 - from);
        from = i + 1;
        if (rc == 2)
            return too_long(s, err);
        if ((rc = elem_done(s)) != 0)
            return rc;
    }
    if (s->state == JS_ELEM)
        buf_append(&s->el, buf + from, len - from);
    return 0;
}

int json_stream_end(struct json_stream *s, struct wt_error *err)
{
    if (s->rc)
        return s->rc;
    switch (s->state) {
    case JS_START:
        return stop(s, err, _("geen JSON-lijst van records (zoals export --format json die "
                              "schrijft)"));
    case JS_DONE:
        return 0;
    case JS_ELEM:
        return stop(s, err, _("geen geldige JSON: het record houdt middenin op"));
    default: /* after a record or a comma */
        s->rc = wt_error_set(err, WT_EINVAL,
                             _("%s: geen geldige JSON: de lijst wordt na record %zu niet gesloten "
                               "met ]"),
                             s->fname, s->n);
        return s->rc;
    }
}
