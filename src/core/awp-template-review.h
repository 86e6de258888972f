#pragma once

#include <json-glib/json-glib.h>

#include "awp-store.h"

G_BEGIN_DECLS

/* The Operator's side of the template approval (O145-7): a returned
 * template carries the remarks the administrator sees in the editor. */

/* Returns the template @id with @remarks; empty remarks are refused with
 * AWP_STORE_ERROR_INVALID naming the field, and nothing changes. */
gboolean awp_template_review_return   (AwpStore     *store,
                                       const char   *id,
                                       const char   *remarks,
                                       const char   *actor,
                                       GError      **error);
/* The day the template opens: a conference's opens_on, a survey's launch_on. */
gboolean awp_template_review_opening  (JsonObject   *data,
                                       GDate        *out);
/* "Opens on …, in N days (O145-7)" counted from @today (NULL: the current
 * date), translated. */
char    *awp_template_review_deadline (JsonObject   *data,
                                       const GDate  *today);

G_END_DECLS
