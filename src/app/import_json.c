/* import_json.c: one record from a JSON object as `export --format json` writes it (the import
 * itself, a stream of them, is import.c's, through json_stream.c). */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app_int.h"
#include "policy_int.h"
#include "wijktafel/i18n.h"
#include "wijktafel/text.h"

/* The text form of one JSON value for column fd, or NULL with *what set. */
static char *value_text(const struct wt_field_def *fd, json_t *v, const char **what)
{
    bool list = fd->type == FT_TAGS || fd->type == FT_SET || fd->type == FT_CHOSEN ||
                fd->type == FT_REFS;
    if (json_is_null(v))
        return xstrdup("");
    if (json_is_string(v))
        return xstrdup(json_string_value(v));
    if (json_is_integer(v) &&
        (fd->type == FT_UINT || fd->type == FT_HOURS || fd->type == FT_MONEY)) {
        if (json_integer_value(v) < 0) {
            *what = _("mag niet negatief zijn");
            return NULL;
        }
        return xasprintf("%lld", (long long)json_integer_value(v));
    }
    if (json_is_real(v) && (fd->type == FT_HOURS || fd->type == FT_MONEY)) {
        char *s = xasprintf("%.2f", json_real_value(v));
        size_t n = strlen(s); /* 7.50 -> 7.5, 8.00 -> 8: as export writes it */
        while (n > 0 && s[n - 1] == '0')
            s[--n] = '\0';
        if (n > 0 && s[n - 1] == '.')
            s[--n] = '\0';
        return s;
    }
    if (json_is_array(v) && list) {
        struct buf b = {0};
        for (size_t i = 0; i < json_array_size(v); i++) {
            json_t *it = json_array_get(v, i);
            const char *s = json_string_value(it);
            if (!s || strchr(s, ';')) {
                buf_fini(&b);
                *what = s ? _("een item mag geen ; bevatten")
                          : _("de lijst mag alleen tekst bevatten");
                return NULL;
            }
            if (b.len)
                buf_putc(&b, ';');
            buf_puts(&b, s);
        }
        return b.data ? buf_steal(&b) : xstrdup("");
    }
    *what = list ? _("moet een lijst van teksten zijn")
            : fd->type == FT_UINT || fd->type == FT_HOURS ? _("moet een getal of tekst zijn")
                                                            : _("moet tekst zijn");
    return NULL;
}

/* Fills r from the object o; message "COLUMN: what". a (NULL outside an
 * import) keeps the links its policy masked. */
static int one_record(struct app *a, json_t *o, struct wt_record *r, struct wt_error *e)
{
    const struct wt_kind_def *kd = record_kind(r->kind);
    if (!json_is_object(o))
        return wt_error_set(e, WT_EINVAL, _("geen object met kolommen"));
    const char *key;
    json_t *v;
    bool masked = false;
    json_object_foreach(o, key, v) {
        int f = record_field_index(r->kind, key);
        if (f < 0) {
            char *k = app_file_word(key);
            int rc = wt_error_set(e, WT_EINVAL, _("%s: onbekende kolom voor %s"), k, kd->name);
            free(k);
            return rc;
        }
        const char *what = NULL;
        char *text = value_text(&kd->fields[f], v, &what);
        if (!text)
            return wt_error_field(e, WT_EINVAL, kd->fields[f].name, "%s", what);
        int rc = 0;
        if (a && policy_masked_link(r->kind, f, text)) {
            record_set(r, f, text);
            masked = true;
        } else {
            rc = record_set_checked(r, f, text, e);
        }
        free(text);
        if (rc)
            return rc;
    }
    if (masked) /* an export read back: the stored link stays */
        policy_restore(a, r);
    return record_complete(r, e);
}

/* "geen geldige JSON: what jansson said", made inert (it may quote the input);
 * jansson out of memory is out of memory (exit 74), not bad input. */
static int not_json(const json_error_t *je, struct wt_error *err)
{
    if (json_error_code(je) == json_error_out_of_memory)
        xalloc_oom();
    char *said = text_inert(je->text, false);
    int rc = wt_error_set(err, WT_EINVAL, _("geen geldige JSON: %s"), said);
    free(said);
    return rc;
}

int app_record_from_json(const char *json, struct wt_record *r, struct wt_error *err)
{
    return app_json_record(NULL, json, strlen(json), r, err);
}

int app_json_record(struct app *a, const char *text, size_t len, struct wt_record *r,
                    struct wt_error *err)
{
    json_error_t je;
    json_t *o = json_loadb(text, len, JSON_REJECT_DUPLICATES, &je);
    if (!o)
        return not_json(&je, err);
    int rc = one_record(a, o, r, err);
    json_decref(o);
    return rc;
}
