#pragma once

#include "awp-store.h"

G_BEGIN_DECLS

/* O145-6: how citizens rated the answers (Like / Dislike, a Dislike with
 * its reason) and whether the answers were on time (O145-5.1, or the
 * extended date of O145-5.2), month by month. */

typedef struct
{
  char  month[8];   /* "YYYY-MM" */
  guint likes;      /* ratings given that month */
  guint dislikes;
  guint on_time;    /* answers given that month by their due date */
  guint late;
} AwpRatingMonth;

typedef struct
{
  char  *reason;
  guint  count;
} AwpDislikeReason;

typedef struct _AwpRatingsOverview
{
  GArray    *months;    /* AwpRatingMonth, oldest first, no gaps */
  GPtrArray *reasons;   /* AwpDislikeReason, most given first */
  guint      likes, dislikes, on_time, late;   /* totals */
} AwpRatingsOverview;

void                awp_ratings_overview_free (AwpRatingsOverview *overview);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AwpRatingsOverview, awp_ratings_overview_free)

/* Blog requests answered or rated in @from … @to ("YYYY-MM", both
 * included; @from NULL: since the first). */
AwpRatingsOverview *awp_ratings_overview_load (AwpStore     *store,
                                               const char   *from,
                                               const char   *to,
                                               GError      **error);

/* The same in a worker thread with a read-only connection of its own (the
 * store's file; a store without one is read on the spot). */
void                awp_ratings_overview_load_async  (AwpStore            *store,
                                                      const char          *from,
                                                      const char          *to,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
AwpRatingsOverview *awp_ratings_overview_load_finish (AwpStore            *store,
                                                      GAsyncResult        *result,
                                                      GError             **error);

G_END_DECLS
