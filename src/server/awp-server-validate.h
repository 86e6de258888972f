#pragma once

#include "awp-server-private.h"

G_BEGIN_DECLS

/* The one gate every mutation passes (push and portal alike): required
 * fields, types, lengths and allowed values per entity, then the statutory
 * date rules. Adds AwpFieldError items naming each bad field to @errors.
 * @data is the record as it would be after the change. */
gboolean     awp_server_validate_mutation (AwpServer     *server,
                                           const char    *entity_type,
                                           AwpMutationOp  op,
                                           JsonObject    *data,
                                           GPtrArray     *errors);
/* TRUE when @user may take the conference or survey template from @before
 * (NULL for a create) to @after (NULL for a delete); otherwise FALSE with
 * the reason in @errors (O145-7: only the Operator accepts, returns and
 * publishes; it changes no field of the body's text). */
gboolean     awp_server_template_move_allowed (const AwpServerUser *user,
                                               const char          *entity_type,
                                               JsonObject          *before,
                                               JsonObject          *after,
                                               GPtrArray           *errors);
/* TRUE for an entity type the API knows. */
gboolean     awp_server_entity_known      (const char    *entity_type);
/* The entity types, NULL-terminated, for the reference data. */
const char *const *awp_server_entity_types (void);

/* O145-7: a template reaches the Operator when it reaches the server, so
 * the server writes submitted_on: today (Kazakhstan) when @next moves to
 * submitted from draft or returned, else the day it already holds (@cur),
 * whatever the workstation sent. The workstation pulls the stamp. */
void awp_server_template_stamp (const char *entity_type,
                                JsonObject *cur,
                                JsonObject *next);

G_END_DECLS
