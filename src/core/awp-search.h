#pragma once

#include <json-glib/json-glib.h>

#include "awp-store.h"

G_BEGIN_DECLS

/* Full-text search over subjects, texts and answers (FTS5, unicode61, which
 * folds the case of ә ғ қ ң ө ұ ү һ і). Before indexing and querying, text is
 * normalized: the look-alikes people type for Kazakh letters (Latin ə, Latin
 * i and h inside Cyrillic words) become the Cyrillic letters, and ё → е. */

/* The normalized text; never NULL for a non-NULL input. */
char      *awp_search_fold          (const char *text);
/* What is indexed for an entity: its subject line and the rest of its text. */
char      *awp_search_subject_text  (JsonObject *data);
char      *awp_search_body_text     (JsonObject *data);
/* An FTS5 MATCH expression: every word of @query, folded, as a prefix;
 * NULL when @query has no words. */
char      *awp_search_match_expr    (const char *query);

typedef struct
{
  char   *id;
  char   *type;
  char   *subject;   /* highlighted with [ and ] */
  char   *snippet;   /* a highlighted extract of the body */
  double  rank;      /* awp_rank (weights of the columns matched), lower is better */
} AwpSearchHit;

void       awp_search_hit_free      (AwpSearchHit *hit);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AwpSearchHit, awp_search_hit_free)

/* The best @limit matches, best first; GPtrArray of AwpSearchHit. An empty
 * query gives an empty array. */
GPtrArray *awp_search_run           (AwpStore    *store,
                                     const char  *query,
                                     guint        limit,
                                     GError     **error);

G_END_DECLS
