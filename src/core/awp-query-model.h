#pragma once

#include <gio/gio.h>

#include "awp-queue-item.h"
#include "awp-store.h"

G_BEGIN_DECLS

/* A lazy GListModel of AwpQueueItem over one entity type: filtering and
 * sorting run in SQL, rows are fetched in pages of AWP_QUERY_MODEL_PAGE on
 * demand and a few pages are cached, so a million-row queue opens at once
 * and memory stays flat. Store changes give exact items-changed positions. */

#define AWP_QUERY_MODEL_PAGE 256

typedef enum
{
  AWP_QUEUE_FILTER_ALL,
  AWP_QUEUE_FILTER_OVERDUE,        /* due_on < today and not closed */
  AWP_QUEUE_FILTER_DUE_TODAY,      /* due today, not closed */
  AWP_QUEUE_FILTER_DUE_THIS_WEEK,  /* due from today to Sunday, not closed */
  AWP_QUEUE_FILTER_FORWARDED,      /* status forwarded (O145-4.2) */
  AWP_QUEUE_FILTER_ANSWERED_LATE,  /* answered after due_on */
} AwpQueueFilter;

typedef enum
{
  AWP_QUEUE_SORT_RECEIVED,
  AWP_QUEUE_SORT_DUE,
  AWP_QUEUE_SORT_NUMBER,
} AwpQueueSort;

#define AWP_TYPE_QUERY_MODEL (awp_query_model_get_type ())
G_DECLARE_FINAL_TYPE (AwpQueryModel, awp_query_model, AWP, QUERY_MODEL, GObject)

AwpQueryModel *awp_query_model_new        (AwpStore       *store,
                                           const char     *entity_type);
/* NULL: any status. */
void           awp_query_model_set_status (AwpQueryModel  *self,
                                           const char     *status);
void           awp_query_model_set_filter (AwpQueryModel  *self,
                                           AwpQueueFilter  filter);
/* Full-text query (awp-search.h rules); NULL or "" for none. */
void           awp_query_model_set_search (AwpQueryModel  *self,
                                           const char     *query);
void           awp_query_model_set_sort   (AwpQueryModel  *self,
                                           AwpQueueSort    sort,
                                           gboolean        descending);
/* The last database error, if a query failed (the model then looks empty). */
const GError  *awp_query_model_get_error  (AwpQueryModel  *self);

G_END_DECLS
