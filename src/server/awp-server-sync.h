#pragma once

#include "awp-server-private.h"
#include "awp-server-db.h"

G_BEGIN_DECLS

void     awp_server_sync_push    (AwpServerRequest *req);
void     awp_server_sync_changes (AwpServerRequest *req);

/* Whether @user may see / change a record of @entity_type in @org_id. */
gboolean awp_server_may_read     (const AwpServerUser *user,
                                  const char          *entity_type,
                                  const char          *org_id);
gboolean awp_server_may_write    (const AwpServerUser *user,
                                  const char          *entity_type,
                                  const char          *org_id);
/* Applies one mutation in its own transaction (exactly once per
 * client_id + mutation_id) and returns its result as compact JSON;
 * the portal uses it too, with its own client id. */
char    *awp_server_sync_apply   (AwpServer           *server,
                                  const AwpServerUser *user,
                                  const char          *client_id,
                                  JsonNode            *mutation);
/* Applies @mutations (mutation objects, given a "group" here) as one
 * group: all or none (docs/sync.md "Groups"). The results, one per
 * mutation, as compact JSON (free with g_strfreev). */
char   **awp_server_sync_apply_group (AwpServer           *server,
                                      const AwpServerUser *user,
                                      const char          *client_id,
                                      JsonArray           *mutations);

G_END_DECLS
