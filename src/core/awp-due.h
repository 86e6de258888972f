#pragma once

#include "awp-store.h"

G_BEGIN_DECLS

/* Every running statutory deadline in the store, across workspaces: blog
 * requests (O145-5.1, 5.2 and the notice of an extension), conference
 * applications (O145-10.2), meetings (announcement O605-8, results
 * O605-14), conference and survey templates (submission O145-7, notices
 * O145-8.1 and 8.2). For Today and the deadline notifications. */

typedef struct
{
  char       *key;     /* "<id>/<norm or notice key>": one deadline of one record */
  char       *id;      /* the record */
  const char *type;    /* its type: "blog_request", "meeting", … */
  const char *norm;    /* "O605-8" */
  char       *title;   /* the record's subject or title */
  char       *number;  /* NULL when it has none */
  char       *what;    /* what is due, translated ("Announcement of the meeting") */
  char       *due_on;  /* YYYY-MM-DD */
} AwpDueItem;

void awp_due_item_free (AwpDueItem *item);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AwpDueItem, awp_due_item_free)

typedef enum
{
  AWP_DUE_DEFAULT          = 0,
  /* The answer deadlines of open blog requests ("due_on"); the Today page
   * lists those through the queue's own models instead. */
  AWP_DUE_INCLUDE_REQUESTS = 1 << 0,
} AwpDueFlags;

/* The deadlines not yet met that fall on @from … @to (YYYY-MM-DD, both
 * included; @from NULL: no lower bound), by due date then title. */
GPtrArray  *awp_due_collect        (AwpStore     *store,
                                    const char   *from,
                                    const char   *to,
                                    AwpDueFlags   flags,
                                    GError      **error);

/* Deadline notifications: what is new to announce on @today.
 * @overdue receives the deadlines that became overdue since @last_checked
 * (due on @last_checked … yesterday; only yesterday's the first time, so a
 * first start does not announce the whole backlog), @tomorrow those due
 * tomorrow; both leave out the keys in @notified (awp_due_notified_key).
 * Blog requests included. */
gboolean    awp_due_to_notify      (AwpStore     *store,
                                    const char   *today,
                                    const char   *last_checked,
                                    const char *const *notified,
                                    GPtrArray   **overdue,
                                    GPtrArray   **tomorrow,
                                    GError      **error);
/* "due_on|overdue|key": what was announced, with its date so the list can
 * be pruned (awp_due_prune_notified). */
char       *awp_due_notified_key   (AwpDueItem   *item,
                                    gboolean      overdue);
/* @notified without the entries that can no longer come up on @today
 * (due before yesterday); NULL-terminated, newly allocated. */
char      **awp_due_prune_notified (const char *const *notified,
                                    const char   *today);

/* The workspace that shows a record of @type ("requests", "applications",
 * "meetings", "conferences", "surveys"), or NULL. */
const char *awp_due_type_workspace (const char   *type);

G_END_DECLS
