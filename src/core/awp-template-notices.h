#pragma once

#include "awp-template-check.h"

G_BEGIN_DECLS

/* O145-8: the notices of a conference (8.1) or survey (8.2) as posted on
 * the portal. The schedule comes from the template's dates; what was
 * posted is kept in its data as "notices": [ { key, norm, due, posted_on,
 * link } ]. */

/* The schedule of the template @data of @type ("conference", "survey"),
 * with what was posted (AwpNotice items). */
GPtrArray *awp_template_notices          (const char               *type,
                                          JsonObject               *data,
                                          const AwpTemplateContext *ctx);
/* Records that notice @key of the schedule was posted on @posted_on (NULL:
 * today) at @link (an http or https address, named "Link to the notice"
 * when wrong). The template must be accepted or published. A notice posted
 * outside its window is recorded and shows as late. */
gboolean   awp_template_post_notice      (AwpStore                 *store,
                                          const char               *id,
                                          const char               *key,
                                          const char               *link,
                                          const GDate              *posted_on,
                                          const char               *actor,
                                          GError                  **error);

G_END_DECLS
