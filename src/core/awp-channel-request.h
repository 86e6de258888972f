#pragma once

#include <json-glib/json-glib.h>

#include "awp-store.h"

G_BEGIN_DECLS

/* Changes to a Registry entry (Order 93, Annex 3, O93-11) and the notice
 * that a channel stops working (O93-12); both enter the Registry within
 * 3 wd of receipt (O93-13).
 *
 * "change_request" data:
 *   channel_id                   the Registry entry
 *   field                        one of awp_registry_fields
 *   current_value                the entry's content when the request was written
 *   new_value                    its new wording
 *   grounds                      why
 *   to_body, from_body, signer, signed_on, attachments   as in Annex 1
 * "termination_notice" data (free form):
 *   channel_id, text, signer, signed_on
 * Set by the actions: received_on, due_on, deadlines { apply_by },
 * applied_on, decision_reason. */

GPtrArray *awp_change_request_validate  (JsonObject  *data,
                                         const GDate *today);
/* A draft for @channel_id, with current_value taken from the entry. */
char      *awp_change_request_create    (AwpStore    *store,
                                         const char  *channel_id,
                                         const char  *field,
                                         JsonObject  *data,
                                         const char  *actor,
                                         GError     **error);
gboolean   awp_change_request_save      (AwpStore    *store,
                                         const char  *id,
                                         JsonObject  *changes,
                                         const char  *actor,
                                         GError     **error);
gboolean   awp_change_request_send      (AwpStore    *store,
                                         const char  *id,
                                         const GDate *today,
                                         const char  *actor,
                                         GError     **error);
/* O93-13: the new wording enters the Registry with its history line, in
 * one transaction; fails when the entry changed since the request was
 * written or was excluded. */
gboolean   awp_change_request_apply     (AwpStore    *store,
                                         const char  *id,
                                         const GDate *today,
                                         const char  *actor,
                                         GError     **error);
/* Refuses it with @reason; the Registry is untouched. */
gboolean   awp_change_request_refuse    (AwpStore    *store,
                                         const char  *id,
                                         const char  *reason,
                                         const GDate *today,
                                         const char  *actor,
                                         GError     **error);

GPtrArray *awp_termination_validate     (JsonObject  *data,
                                         const GDate *today);
char      *awp_termination_create       (AwpStore    *store,
                                         const char  *channel_id,
                                         JsonObject  *data,
                                         const char  *actor,
                                         GError     **error);
gboolean   awp_termination_save         (AwpStore    *store,
                                         const char  *id,
                                         JsonObject  *changes,
                                         const char  *actor,
                                         GError     **error);
gboolean   awp_termination_send         (AwpStore    *store,
                                         const char  *id,
                                         const GDate *today,
                                         const char  *actor,
                                         GError     **error);
/* O93-13: the entry is excluded on @today, with its history line, in one
 * transaction. */
gboolean   awp_termination_apply        (AwpStore    *store,
                                         const char  *id,
                                         const GDate *today,
                                         const char  *actor,
                                         GError     **error);

G_END_DECLS
