/* policy_dict.c: the stored name dictionary: every name part the beamer hides, counted, kept with each write. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "policy_int.h"
#include "wijktafel/i18n.h"

/*
 * Meta "names/a" ... "names/z" and "names/_" (a key's first letter, the rest
 * in "_") hold lines "key\tinitials\tcount\n" sorted by key, then initials:
 * the multiset of the parts of every resident's and talent's name, as
 * policy_name_parts gives them. "names/state" ("1") says the dictionary is
 * complete: without it nothing is applied and the beamer reads every name.
 * The store seals the "names/" prefix with the case key (docs/security.md).
 */

#define STATE_KEY "names/state"
#define STATE_VALUE "1"

struct dict_entry {
    char *key, *ini;
    long n;
};

struct policy_dict_delta {
    struct dict_entry *v;
    size_t n, cap;
};

struct policy_dict_delta *policy_dict_delta_new(void)
{
    return xcalloc(1, sizeof(struct policy_dict_delta));
}

void policy_dict_delta_free(struct policy_dict_delta *d)
{
    if (!d)
        return;
    for (size_t i = 0; i < d->n; i++) {
        free(d->v[i].key);
        free(d->v[i].ini);
    }
    free(d->v);
    free(d);
}

static size_t merge(struct dict_entry *v, size_t n, bool owned, bool keep_negative);

/* Entries gathered before equal ones are added up: an import of 100,000
 * residents holds the town's distinct name parts, not every occurrence. */
#define DELTA_COMPACT_FROM 4096

static void push(struct policy_dict_delta *d, const char *key, const char *ini, long n)
{
    if (d->n == d->cap) {
        if (d->cap >= DELTA_COMPACT_FROM)
            d->n = merge(d->v, d->n, true, true);
        if (d->cap == 0 || d->n * 2 > d->cap) {
            d->cap = d->cap ? d->cap * 2 : 64;
            d->v = xrealloc(d->v, d->cap * sizeof *d->v);
        }
    }
    d->v[d->n++] = (struct dict_entry){xstrdup(key), xstrdup(ini), n};
}

struct part_sign {
    struct policy_dict_delta *d;
    int sign;
};

static void push_part(void *ctx, const char *key, const char *ini, size_t words)
{
    (void)words;
    struct part_sign *ps = ctx;
    push(ps->d, key, ini, ps->sign);
}

/* The name field of a kind whose people the beamer hides, or -1. */
static int name_field(enum wt_kind kind)
{
    return kind == WT_CASES ? CASE_RESIDENT : kind == WT_TALENTS ? TALENT_NAME : -1;
}

void policy_dict_delta_record(struct policy_dict_delta *d, const struct wt_record *r, int sign)
{
    int f = name_field(r->kind);
    if (f < 0 || r->damaged)
        return;
    struct part_sign ps = {d, sign};
    policy_name_parts(record_get(r, f), push_part, &ps);
}

static int cmp_entry(const void *a, const void *b)
{
    const struct dict_entry *x = a, *y = b;
    int sx = policy_shard_of(x->key), sy = policy_shard_of(y->key);
    if (sx != sy)
        return sx < sy ? -1 : 1;
    int c = strcmp(x->key, y->key);
    return c ? c : strcmp(x->ini, y->ini);
}

/* Sorts v[0, n) by shard, key and initials and adds up equal entries; those
 * that come to 0 (or less, when keep_negative is false) go. Returns the new n.
 * The entries that go are freed when owned. */
static size_t merge(struct dict_entry *v, size_t n, bool owned, bool keep_negative)
{
    if (n == 0)
        return 0; /* v may be NULL, which qsort may not be given */
    qsort(v, n, sizeof *v, cmp_entry);
    size_t out = 0;
    for (size_t i = 0; i < n;) {
        size_t j = i + 1;
        long sum = v[i].n;
        for (; j < n && strcmp(v[j].key, v[i].key) == 0 && strcmp(v[j].ini, v[i].ini) == 0; j++)
            sum += v[j].n;
        for (size_t k = i + 1; k < j && owned; k++) {
            free(v[k].key);
            free(v[k].ini);
        }
        if (sum > 0 || (keep_negative && sum < 0)) {
            v[out] = v[i];
            v[out++].n = sum;
        } else if (owned) {
            free(v[i].key);
            free(v[i].ini);
        }
        i = j;
    }
    return out;
}

static void shard_key(int s, char out[16])
{
    snprintf(out, 16, "names/%c", s < POLICY_SHARDS - 1 ? 'a' + s : '_');
}

/* Parses a stored shard (text is changed in place) and appends its lines to
 * v as entries pointing into text. Returns false when a line is malformed. */
static bool parse_shard(char *text, struct dict_entry **v, size_t *n, size_t *cap)
{
    for (char *p = text; *p;) {
        char *t1 = strchr(p, '\t'), *t2 = t1 ? strchr(t1 + 1, '\t') : NULL;
        char *end = t2 ? strchr(t2 + 1, '\n') : NULL;
        if (!end)
            return false;
        *t1 = *t2 = *end = '\0';
        if (*n == *cap) {
            *cap = *cap ? *cap * 2 : 256;
            *v = xrealloc(*v, *cap * sizeof **v);
        }
        (*v)[(*n)++] = (struct dict_entry){p, t1 + 1, strtol(t2 + 1, NULL, 10)};
        p = end + 1;
    }
    return true;
}

static char *serialize(const struct dict_entry *v, size_t n)
{
    struct buf b = {0};
    buf_puts(&b, "");
    for (size_t i = 0; i < n; i++)
        buf_printf(&b, "%s\t%s\t%ld\n", v[i].key, v[i].ini, v[i].n);
    return buf_steal(&b);
}

/* Writes shard s as the stored one plus the entries add[0, nadd) (of that
 * shard); fresh: the stored one counts as empty. */
static void write_shard(struct store_txn *t, int s, const struct dict_entry *add, size_t nadd,
                        bool fresh)
{
    char key[16];
    shard_key(s, key);
    char *text = NULL;
    struct dict_entry *v = NULL;
    size_t n = 0, cap = 0;
    if (!fresh && store_meta_get(t, key, &text) == 0 && !parse_shard(text, &v, &n, &cap))
        n = 0; /* damaged: built from what this write knows (check finds the difference) */
    for (size_t i = 0; i < nadd; i++) {
        if (n == cap) {
            cap = cap ? cap * 2 : 256;
            v = xrealloc(v, cap * sizeof *v);
        }
        v[n++] = add[i];
    }
    n = merge(v, n, false, false);
    if (n) {
        char *out = serialize(v, n);
        store_meta_put(t, key, out);
        free(out);
    } else {
        store_meta_del(t, key);
    }
    free(v);
    free(text);
}

/* Applies the entries of d (merged, sorted by shard) shard by shard. */
static void write_all(struct store_txn *t, struct policy_dict_delta *d, bool fresh)
{
    d->n = merge(d->v, d->n, true, true);
    for (size_t i = 0; i < d->n && !store_txn_error(t);) {
        int s = policy_shard_of(d->v[i].key);
        size_t j = i + 1;
        while (j < d->n && policy_shard_of(d->v[j].key) == s)
            j++;
        write_shard(t, s, d->v + i, j - i, fresh);
        i = j;
    }
}

/* 0 when the dictionary is there and this write may change it. */
static int state(struct store_txn *t)
{
    char *v = NULL;
    int rc = store_meta_get(t, STATE_KEY, &v);
    if (rc == 0 && strcmp(v, STATE_VALUE) != 0)
        rc = WT_ECORRUPT;
    free(v);
    return rc;
}

int policy_dict_apply(struct store_txn *t, struct policy_dict_delta *d)
{
    if (!d || !d->n || store_txn_error(t))
        return store_txn_error(t);
    int rc = state(t);
    if (rc == WT_ENOTFOUND)
        return store_txn_error(t); /* none yet: built in full at the next open */
    if (rc) {
        /* It cannot follow (no case key, or damaged): it goes, so that it is
         * never read wrong, and is built again by the next who can. */
        store_meta_del_prefix(t, "names/");
        return store_txn_error(t);
    }
    write_all(t, d, false); /* merges d in place: no copy of its strings */
    return store_txn_error(t);
}

int policy_dict_replace(struct store_txn *t, enum wt_kind kind, const char *id,
                        const struct wt_record *now)
{
    if (name_field(kind) < 0 || store_txn_error(t))
        return store_txn_error(t);
    struct policy_dict_delta *d = policy_dict_delta_new();
    if (id && *id && store_txn_can_read(t, kind)) {
        struct wt_record old;
        if (store_get(t, kind, id, &old) == 0)
            policy_dict_delta_record(d, &old, -1);
        record_fini(&old);
    }
    if (now)
        policy_dict_delta_record(d, now, 1);
    int rc = policy_dict_apply(t, d);
    policy_dict_delta_free(d);
    return rc;
}

int policy_put(struct store_txn *t, const struct wt_record *r)
{
    policy_dict_replace(t, r->kind, r->v[0], r);
    return store_put(t, r);
}

int policy_del(struct store_txn *t, enum wt_kind kind, const char *id)
{
    policy_dict_replace(t, kind, id, NULL);
    return store_del(t, kind, id);
}

static int count_record(void *ctx, const struct wt_record *r)
{
    policy_dict_delta_record(ctx, r, 1);
    return 0;
}

/* The dictionary the records in t give. */
static int from_records(struct store_txn *t, struct policy_dict_delta **out)
{
    struct policy_dict_delta *d = policy_dict_delta_new();
    int rc = store_each(t, WT_CASES, count_record, d);
    if (!rc)
        rc = store_each(t, WT_TALENTS, count_record, d);
    if (rc) {
        policy_dict_delta_free(d);
        d = NULL;
    }
    *out = d;
    return rc;
}

int policy_dict_init(struct store_txn *t)
{
    store_meta_del_prefix(t, "names/");
    return store_meta_put(t, STATE_KEY, STATE_VALUE);
}

int policy_dict_rebuild(struct store_txn *t)
{
    if (!store_txn_can_read(t, WT_CASES))
        return WT_EPERM;
    struct policy_dict_delta *d;
    int rc = from_records(t, &d);
    if (rc)
        return rc;
    policy_dict_init(t);
    write_all(t, d, true);
    policy_dict_delta_free(d);
    return store_txn_error(t);
}

int policy_dict_load(struct store_txn *t, struct policy_names **out)
{
    *out = NULL;
    int rc = state(t);
    if (rc)
        return rc;
    struct policy_names *n = policy_names_new(store_seq(t));
    for (int s = 0; s < POLICY_SHARDS && !rc; s++) {
        char key[16], *text = NULL;
        shard_key(s, key);
        rc = store_meta_get(t, key, &text);
        if (rc == 0 && !policy_names_take_shard(n, s, text))
            rc = WT_ECORRUPT; /* damaged: the caller reads every name instead */
        else if (rc)
            free(text);
        if (rc == WT_ENOTFOUND)
            rc = 0;
    }
    if (rc) {
        policy_names_free(n);
        return rc;
    }
    *out = n;
    return 0;
}

static int rebuild_write(struct store_txn *t, void *ctx, struct wt_error *err)
{
    (void)ctx;
    (void)err;
    return policy_dict_rebuild(t);
}

int policy_dict_ensure(struct app *a, struct wt_error *err)
{
    if (a->readonly || a->locked_member)
        return 0;
    struct store_txn *t;
    if (store_read_begin(a->store, &t, NULL) != 0)
        return 0; /* the open itself says what is wrong */
    int rc = store_txn_can_read(t, WT_CASES) ? state(t) : 0;
    store_read_end(t);
    if (rc != WT_ENOTFOUND && rc != WT_ECORRUPT)
        return 0;
    return store_write(a->store, rebuild_write, NULL, err);
}

size_t policy_dict_check(struct store_txn *t, void (*report)(void *, const char *), void *ctx)
{
    if (!store_txn_can_read(t, WT_CASES))
        return 0; /* check already says that case data was not verified */
    int rc = state(t);
    if (rc == WT_ENOTFOUND)
        return 0; /* none yet: the next open builds it */
    char line[300];
    if (rc) {
        snprintf(line, sizeof line, _("meta %s: de namenlijst van de beamer is beschadigd"),
                 STATE_KEY);
        if (report)
            report(ctx, line);
        return 1;
    }
    struct policy_dict_delta *d;
    if (from_records(t, &d) != 0)
        return 0; /* a record that cannot be read: check names it already */
    d->n = merge(d->v, d->n, true, false);
    size_t problems = 0;
    size_t i = 0;
    for (int s = 0; s < POLICY_SHARDS; s++) {
        size_t j = i;
        while (j < d->n && policy_shard_of(d->v[j].key) == s)
            j++;
        char *want = serialize(d->v + i, j - i), *have = NULL, key[16];
        i = j;
        shard_key(s, key);
        if (store_meta_get(t, key, &have) != 0) {
            free(have);
            have = xstrdup("");
        }
        if (strcmp(want, have) != 0) {
            problems++;
            snprintf(line, sizeof line,
                     _("meta %s: de namenlijst van de beamer klopt niet met de casussen en "
                       "talenten"),
                     key);
            if (report)
                report(ctx, line);
        }
        free(want);
        free(have);
    }
    policy_dict_delta_free(d);
    return problems;
}
