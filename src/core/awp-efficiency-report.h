#pragma once

#include <json-glib/json-glib.h>

#include "awp-store.h"

G_BEGIN_DECLS

/* Reports on the development plans' target indicators posted on the
 * efficiency portal (Order 118), the "data" of "efficiency_report" records:
 *   body_kind             "central" (O118-4) or "local" (O118-5)
 *   body_kk, body_ru      the reporting body
 *   year                  the reporting year (integer)
 *   title                 the report's title
 *   document              the report file (its name in the SED)
 *   no_restricted_info    O118-6: confirmed that it holds no restricted information
 * Set by the actions: due_on (1 March of year + 1), requested_on, late,
 * link, published_on. One report per body and year.
 * Life cycle: draft → requested (the request to the operator) → published. */

const char *awp_efficiency_report_field_label (const char *field);
GPtrArray  *awp_efficiency_report_validate    (JsonObject  *data);
/* A draft for the body and year, due 1 March of the next year. */
char       *awp_efficiency_report_create      (AwpStore    *store,
                                               JsonObject  *data,
                                               const char  *actor,
                                               GError     **error);
gboolean    awp_efficiency_report_save        (AwpStore    *store,
                                               const char  *id,
                                               JsonObject  *changes,
                                               const char  *actor,
                                               GError     **error);
/* O118-4/5: the request to the operator to post it, only with the O118-6
 * confirmation; "late" when after the due date. */
gboolean    awp_efficiency_report_request     (AwpStore    *store,
                                               const char  *id,
                                               const GDate *today,
                                               const char  *actor,
                                               GError     **error);
/* The operator posted it at @link (http or https). */
gboolean    awp_efficiency_report_publish     (AwpStore    *store,
                                               const char  *id,
                                               const char  *link,
                                               const GDate *today,
                                               const char  *actor,
                                               GError     **error);

G_END_DECLS
