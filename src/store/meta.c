/* meta.c: the meta database: settings and notes, sealed by prefix in an encrypted database,
 * names that name a case hidden under keyed tokens. */
#include <sodium.h>
#include <stdlib.h>
#include <string.h>

#include "store_int.h"
#include "wijktafel/xalloc.h"

const struct store_sealed_prefix store_sealed_prefixes[STORE_N_SEALED_PREFIXES] = {
    {"meeting/", COMP_CASE, false, true}, /* notes and choices per case */
    {"measure/", COMP_CASE, false, true},
    {"round/", COMP_GEN, false, false},
    {"closed/", COMP_CASE, true, true}, /* a case's closing date */
    {"tombkey/case", COMP_CASE, false, false},
    {"tombkey/gen", COMP_GEN, false, false}, /* tomb.c */
    /* How a restored database was made (app's restored.c): beside the access
     * log's chain, read by those who read the log. */
    {"log-restored", COMP_CASE, false, false},
    {"names/", COMP_CASE, false, false}, /* the beamer's name dictionary (app) */
    /* The largest number among case ids PREFIX<digits> (caseid.c). */
    {"case-idmax/", COMP_CASE, false, false},
    /* Who opened the screen on a meeting day (app's meeting_present.c): under
     * the general key, so that a volunteer's presence is noted too. */
    {"present/", COMP_GEN, false, false}};

#define TOKEN_HEX ((size_t)2 * STORE_NAME_TOKEN)

/* The sealed prefix that key starts with, or NULL (also in a plain database). */
static const struct store_sealed_prefix *sealed_prefix(const struct store *s, const char *key)
{
    if (!s->encrypted)
        return NULL;
    for (size_t i = 0; i < STORE_N_SEALED_PREFIXES; i++)
        if (strncmp(key, store_sealed_prefixes[i].prefix,
                    strlen(store_sealed_prefixes[i].prefix)) == 0)
            return &store_sealed_prefixes[i];
    return NULL;
}

/* The compartment whose key seals the meta value of key, or -1 when it is
 * stored plain (a plain database, or program data such as settings). */
static int meta_comp(const struct store *s, const char *key)
{
    const struct store_sealed_prefix *sp = sealed_prefix(s, key);
    return sp ? (int)sp->comp : -1;
}

/* A name stored plain whose prefix hides names (an encrypted database). */
static const struct store_sealed_prefix *hides(const struct store *s, const char *name)
{
    const struct store_sealed_prefix *sp = sealed_prefix(s, name);
    return sp && sp->hide_names ? sp : NULL;
}

/* True when key (as stored) is PREFIX#TOKEN of a prefix that hides names. */
static bool is_token_key(const struct store *s, const char *key)
{
    const struct store_sealed_prefix *sp = hides(s, key);
    if (!sp)
        return false;
    const char *p = key + strlen(sp->prefix);
    if (p[0] != '#' || strlen(p + 1) != TOKEN_HEX)
        return false;
    for (p++; *p; p++)
        if (!((*p >= '0' && *p <= '9') || (*p >= 'a' && *p <= 'f')))
            return false;
    return true;
}

bool store_meta_is_token(const struct store *s, const char *key)
{
    return is_token_key(s, key);
}

/* The stored key of name: PREFIX#TOKEN; false when it cannot be made. */
static bool token_key(struct store_txn *t, const struct store_sealed_prefix *sp,
                      const char *name, bool create, char *out, size_t cap)
{
    char tok[TOKEN_HEX + 1];
    if (!store_name_token(t, name, create, tok))
        return false;
    snprintf(out, cap, "%s#%s", sp->prefix, tok);
    return true;
}

/* Opens the value v of key as stored; *name gets the name it is for (the
 * name sealed in it when key is a token, else key), caller frees both. */
static char *meta_open_named(struct store_txn *t, const char *key, const MDB_val *v,
                             char **name, int *rc)
{
    *rc = 0;
    *name = NULL;
    int comp = meta_comp(t->s, key);
    if (comp < 0) {
        *name = xstrdup(key);
        return xstrndup(v->mv_data, v->mv_size);
    }
    if (!t->s->unlocked[comp]) {
        *rc = WT_EPERM;
        return NULL;
    }
    unsigned char *p;
    size_t pl;
    if (store_unseal(t->s->dkey[comp], "meta", key, v->mv_data, v->mv_size, &p, &pl)) {
        *rc = WT_ECORRUPT;
        return NULL;
    }
    char *str = NULL;
    if (!is_token_key(t->s, key)) {
        *name = xstrdup(key);
        str = xstrndup((char *)p, pl);
    } else {
        /* "name\0value": the name must hash to the key it is stored under. */
        const char *nul = memchr(p, 0, pl);
        const struct store_sealed_prefix *np = nul ? hides(t->s, (const char *)p) : NULL;
        char again[300];
        if (np && token_key(t, np, (const char *)p, false, again, sizeof again) &&
            strcmp(again, key) == 0) {
            *name = xstrdup((const char *)p);
            str = xstrndup(nul + 1, pl - (size_t)(nul + 1 - (const char *)p));
        } else {
            *rc = WT_ECORRUPT;
        }
    }
    sodium_memzero(p, pl);
    free(p);
    return str;
}

/* The plain text of a meta value; NULL (WT_EPERM or WT_ECORRUPT in *rc) when
 * it cannot be opened. */
char *store_meta_open(struct store_txn *t, const char *key, const MDB_val *v, int *rc)
{
    char *name;
    char *str = meta_open_named(t, key, v, &name, rc);
    free(name);
    return str;
}

/* Reads the stored entry key; 0, WT_ENOTFOUND or the sticky error. */
static int raw_get(struct store_txn *t, const char *key, MDB_val *v)
{
    MDB_val k = store_id_key(key);
    int rc = mdb_get(t->txn, t->s->meta, &k, v);
    if (rc == MDB_NOTFOUND)
        return WT_ENOTFOUND;
    return rc ? store_txn_mdb_fail(t, rc, key) : 0;
}

int store_meta_get(struct store_txn *t, const char *key, char **out)
{
    *out = NULL;
    if (t->err)
        return t->err;
    MDB_val v;
    int rc;
    const struct store_sealed_prefix *sp = hides(t->s, key);
    if (sp) {
        /* Without the case key nobody can tell whether it is there. */
        if (!t->s->unlocked[sp->comp])
            return WT_EPERM;
        char tk[300], *name = NULL;
        if (token_key(t, sp, key, false, tk, sizeof tk) && (rc = raw_get(t, tk, &v)) == 0) {
            *out = meta_open_named(t, tk, &v, &name, &rc);
            if (!rc && strcmp(name, key) != 0) {
                free(*out);
                *out = NULL;
                rc = WT_ECORRUPT;
            }
            free(name);
            return rc;
        }
        if (t->err)
            return t->err;
        /* Not hidden yet (a database before the step). */
    }
    if ((rc = raw_get(t, key, &v)) != 0)
        return rc;
    *out = store_meta_open(t, key, &v, &rc);
    return rc;
}

/* Puts value under key as it is stored, sealed with comp's key (comp < 0:
 * plain); a token key seals name with it. */
static int raw_put(struct store_txn *t, const char *key, int comp, const char *name,
                   const char *value)
{
    size_t nl = name ? strlen(name) + 1 : 0, vl = strlen(value);
    MDB_val k = store_id_key(key), v = {vl, (void *)value};
    unsigned char *sealed = NULL, *plain = NULL;
    if (comp >= 0) {
        plain = xmalloc(nl + vl + 1);
        if (name) {
            memcpy(plain, name, nl - 1);
            plain[nl - 1] = '\0'; /* the name ends at its NUL, the value follows */
        }
        memcpy(plain + nl, value, vl);
        size_t sl;
        store_seal(t->s->dkey[comp], "meta", key, plain, nl + vl, &sealed, &sl);
        sodium_memzero(plain, nl + vl);
        v.mv_size = sl;
        v.mv_data = sealed;
    }
    int rc = mdb_put(t->txn, t->s->meta, &k, &v, 0);
    free(sealed);
    free(plain);
    return rc ? store_txn_mdb_fail(t, rc, key) : 0;
}

static int raw_del(struct store_txn *t, const char *key)
{
    MDB_val k = store_id_key(key);
    int rc = mdb_del(t->txn, t->s->meta, &k, NULL);
    return rc && rc != MDB_NOTFOUND ? store_txn_mdb_fail(t, rc, key) : 0;
}

int store_meta_put(struct store_txn *t, const char *key, const char *value)
{
    if (t->err)
        return t->err;
    int comp = meta_comp(t->s, key);
    if (comp >= 0 && !t->s->unlocked[comp])
        return store_txn_fail(t, WT_EPERM, key);
    const struct store_sealed_prefix *sp = hides(t->s, key);
    char tk[300];
    if (sp && t->write && token_key(t, sp, key, true, tk, sizeof tk)) {
        raw_del(t, key); /* its plain name goes, if it was there */
        return raw_put(t, tk, comp, key, value);
    }
    return raw_put(t, key, comp, NULL, value);
}

int store_meta_del(struct store_txn *t, const char *key)
{
    if (t->err)
        return t->err;
    const struct store_sealed_prefix *sp = hides(t->s, key);
    if (sp) {
        if (!t->s->unlocked[sp->comp])
            return store_txn_fail(t, WT_EPERM, key);
        char tk[300];
        if (token_key(t, sp, key, false, tk, sizeof tk))
            raw_del(t, tk);
    }
    return raw_del(t, key);
}

/* One meta entry as its callers know it. */
struct named {
    char *name, *value; /* value: the stored key when collected for deleting */
    bool token;         /* stored under its token */
};

struct named_list {
    struct named *v;
    size_t n, cap;
};

static int cmp_named(const void *a, const void *b)
{
    return strcmp(((const struct named *)a)->name, ((const struct named *)b)->name);
}

static void named_add(struct named_list *l, char *name, char *value, bool token)
{
    if (l->n == l->cap) {
        l->cap = l->cap ? l->cap * 2 : 16;
        l->v = xrealloc(l->v, l->cap * sizeof *l->v);
    }
    l->v[l->n++] = (struct named){name, value, token};
}

/* Collects the entries of range (stored keys starting with it) whose names
 * start with prefix: their values, or with keys_only their stored keys (a
 * plain name whether its value opens or not; a token only when it opens). */
static int collect(struct store_txn *t, const char *range, const char *prefix, bool keys_only,
                   struct named_list *out)
{
    MDB_cursor *c;
    int rc = mdb_cursor_open(t->txn, t->s->meta, &c);
    if (rc)
        return store_txn_mdb_fail(t, rc, "meta");
    size_t rl = strlen(range), pl = strlen(prefix);
    MDB_val k = {rl, (void *)range}, v;
    for (rc = mdb_cursor_get(c, &k, &v, rl ? MDB_SET_RANGE : MDB_FIRST); rc == 0;
         rc = mdb_cursor_get(c, &k, &v, MDB_NEXT)) {
        if (k.mv_size < rl || memcmp(k.mv_data, range, rl) != 0)
            break;
        char *key = xstrndup(k.mv_data, k.mv_size), *name = NULL, *val = NULL;
        bool token = is_token_key(t->s, key);
        int orc = 0;
        if (keys_only && !token) {
            if (strncmp(key, prefix, pl) == 0) {
                named_add(out, xstrdup(key), key, false);
                key = NULL;
            }
        } else {
            val = meta_open_named(t, key, &v, &name, &orc);
        }
        if (val && strncmp(name, prefix, pl) == 0) {
            if (keys_only) {
                named_add(out, name, key, true);
                key = NULL;
            } else {
                named_add(out, name, val, token);
                val = NULL;
            }
            name = NULL;
        } else if (keys_only && token && orc == WT_EPERM) {
            store_txn_fail(t, WT_EPERM, "meta"); /* whose it is cannot be known */
        }
        if (val)
            sodium_memzero(val, strlen(val));
        free(name);
        free(val);
        free(key);
    }
    mdb_cursor_close(c);
    return rc && rc != MDB_NOTFOUND ? store_txn_mdb_fail(t, rc, "meta") : t->err;
}

/* Every entry whose name starts with prefix, in name order: the plain range,
 * and the tokens of prefixes that hide names under which prefix falls. */
static int collect_all(struct store_txn *t, const char *prefix, bool keys_only,
                       struct named_list *out)
{
    size_t pl = strlen(prefix);
    collect(t, prefix, prefix, keys_only, out);
    for (size_t i = 0; i < STORE_N_SEALED_PREFIXES && t->s->encrypted; i++) {
        const struct store_sealed_prefix *sp = &store_sealed_prefixes[i];
        size_t sl = strlen(sp->prefix);
        if (!sp->hide_names || pl <= sl || strncmp(prefix, sp->prefix, sl) != 0)
            continue;
        char range[64];
        snprintf(range, sizeof range, "%s#", sp->prefix);
        collect(t, range, prefix, keys_only, out);
    }
    if (out->n > 1)
        qsort(out->v, out->n, sizeof *out->v, cmp_named);
    return t->err;
}

static void named_free(struct named_list *l)
{
    for (size_t i = 0; i < l->n; i++) {
        free(l->v[i].name);
        if (l->v[i].value)
            sodium_memzero(l->v[i].value, strlen(l->v[i].value));
        free(l->v[i].value);
    }
    free(l->v);
}

int store_meta_del_prefix(struct store_txn *t, const char *prefix)
{
    if (t->err)
        return t->err;
    struct named_list l = {0};
    collect_all(t, prefix, true, &l);
    for (size_t i = 0; i < l.n && !t->err; i++)
        raw_del(t, l.v[i].value);
    named_free(&l);
    return t->err;
}

int store_meta_each(struct store_txn *t, const char *prefix, store_meta_fn fn, void *ctx)
{
    if (t->err)
        return t->err;
    struct named_list l = {0};
    int ret = collect_all(t, prefix, false, &l);
    for (size_t i = 0; i < l.n && !ret; i++)
        ret = fn(ctx, l.v[i].name, l.v[i].value);
    named_free(&l);
    return ret;
}

bool store_meta_names_pending(const struct store *s, MDB_txn *txn)
{
    MDB_val k = {10, "meta-names"}, v;
    return s->encrypted && mdb_get(txn, s->meta, &k, &v) == MDB_NOTFOUND;
}

int store_meta_hide_names(struct store_txn *t)
{
    if (t->err || !t->s->encrypted)
        return t->err ? -1 : 0;
    if (!t->s->unlocked[COMP_CASE]) {
        store_txn_fail(t, WT_EPERM, "meta");
        return -1;
    }
    int moved = 0;
    for (size_t i = 0; i < STORE_N_SEALED_PREFIXES && !t->err; i++) {
        const struct store_sealed_prefix *sp = &store_sealed_prefixes[i];
        if (!sp->hide_names)
            continue;
        struct named_list l = {0};
        collect(t, sp->prefix, "", false, &l);
        for (size_t j = 0; j < l.n && !t->err; j++)
            if (!l.v[j].token && hides(t->s, l.v[j].name)) {
                store_meta_put(t, l.v[j].name, l.v[j].value);
                moved++;
            }
        named_free(&l);
    }
    raw_put(t, "meta-names", -1, NULL, "1");
    return t->err ? -1 : moved;
}
