/* match.c: PLACEHOLDER until the ranking engine lands (helper writing src/match/): returns no options. Replace freely. */
#include <stdlib.h>
#include "wijktafel/match.h"
struct match_corpus { int x; };
struct match_corpus *match_corpus_new(int32_t today) { (void)today; return calloc(1, sizeof(struct match_corpus)); }
void match_corpus_add(struct match_corpus *c, const struct wt_record *r) { (void)c; (void)r; }
void match_corpus_finish(struct match_corpus *c) { (void)c; }
void match_corpus_free(struct match_corpus *c) { free(c); }
int match_rank(const struct match_corpus *c, const struct wt_record *cs, size_t limit, struct match_result *out) { (void)c; (void)cs; (void)limit; out->opts = NULL; out->n = 0; return 0; }
void match_result_fini(struct match_result *r) { free(r->opts); }
const char *match_type_name(enum match_type t) { return t == MATCH_RESOURCE ? "resource" : t == MATCH_TALENT ? "talent" : "case"; }
