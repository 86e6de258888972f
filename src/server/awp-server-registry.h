#pragma once

#include "awp-server-private.h"

G_BEGIN_DECLS

/* The Registry's rules that only the server can keep (Order 93, O93-5,
 * O93-8; docs/channels.md "Through awp-server"), for a mutation about to
 * be applied: @cur is the record's data before (NULL when new or deleted),
 * @next after. Inside the mutation's transaction:
 *   - a Registry entry's number is the server's: a new entry takes the next
 *     of one sequence, an entry keeps the number it has whatever a client
 *     sends, so two workstations never give out the same number;
 *   - an application has at most one entry, a decision one history line;
 *   - an application becomes accredited only together with its entry
 *     (channel_id naming an entry of this application).
 * Adds AwpFieldError items to @errors for a refusal; FALSE with @error only
 * when the database fails. */
gboolean awp_server_registry_rules (AwpServer      *server,
                                    const char     *entity_type,
                                    const char     *entity_id,
                                    AwpMutationOp   op,
                                    JsonObject     *cur,
                                    JsonObject     *next,
                                    GPtrArray      *errors,
                                    GError        **error);

/* O145-4, O145-10: a blog request or conference application sent through
 * the portal takes the server's number, БЛ-YYYY-NNNNNN or КО-YYYY-NNNNNN
 * (YYYY the year of receipt), each from one sequence of the server, inside
 * the mutation's transaction. Other types are left as they are. FALSE with
 * @error only when the database fails. */
gboolean awp_server_portal_number (AwpServer   *server,
                                   const char  *entity_type,
                                   JsonObject  *next,
                                   GError     **error);

G_END_DECLS
