#pragma once

#include <json-glib/json-glib.h>

#include "awp-store.h"

G_BEGIN_DECLS

/* The application for accreditation of a communication channel (Order 93,
 * Annex 1, O93-3), the "data" of a store record "accreditation_application":
 *   to_body                        the authorized body
 *   from_body_kk, from_body_ru     the applying state body (owner of the channel)
 *   channel_name_kk, channel_name_ru
 *   instruction                    (1) instruction on creating it (optional)
 *   regulating_act                 (2) act regulating its work (optional)
 *   purpose                        (3) functional purpose
 *   coverage                       (4) "republican" or "regional"
 *   format                         (5) "online", "offline" or "hybrid"
 *   resources                      (6) infrastructure, staff and finances
 *   justification                  (7) incl. international experience, surveys
 *   other_info                     optional
 *   attachments                    array of strings (optional)
 *   signer                         the deputy first head who signs (EDS)
 *   signed_on                      YYYY-MM-DD
 * Set by the actions: received_on, due_on, deadlines { decide_by, notify_by },
 * review { criterion: { met, comment } }, decided_on, decision_reason,
 * notified_on, channel_id. Life cycle: awp-state-machine.c. */

#define AWP_ACCREDITATION_TEXT_MAX 4000
#define AWP_ACCREDITATION_NAME_MAX 500

/* The three criteria of O93-4, in order. */
extern const char *const awp_accreditation_criteria[];  /* no_duplication, regulated_procedure, expected_results */
const char *awp_accreditation_criterion_title (const char *criterion);

/* Translated label of an Annex 1 field (for messages and the editor). */
const char *awp_accreditation_field_label     (const char *field);

/* Every problem of every field, as AwpFieldError naming the field. */
GPtrArray  *awp_accreditation_validate        (JsonObject  *data,
                                               const GDate *today);

/* A new draft from a copy of @data (may be NULL). */
char       *awp_accreditation_create          (AwpStore    *store,
                                               JsonObject  *data,
                                               const char  *actor,
                                               GError     **error);
/* Saves @changes while the application is a draft. */
gboolean    awp_accreditation_save            (AwpStore    *store,
                                               const char  *id,
                                               JsonObject  *changes,
                                               const char  *actor,
                                               GError     **error);
/* O93-3: sends it when every field is right; the authorized body receives
 * it on @today (NULL: the current date), decision due 8 wd later (O93-5). */
gboolean    awp_accreditation_send            (AwpStore    *store,
                                               const char  *id,
                                               const GDate *today,
                                               const char  *actor,
                                               GError     **error);
/* O93-4: the authorized body's finding on one criterion, with a comment. */
gboolean    awp_accreditation_review          (AwpStore    *store,
                                               const char  *id,
                                               const char  *criterion,
                                               gboolean     met,
                                               const char  *comment,
                                               const char  *actor,
                                               GError     **error);
/* O93-5: accredits (every criterion met; the channel enters the Registry
 * on @today in the same transaction) or refuses (@reason required; the
 * Registry is untouched). The notice is due 2 wd after (O93-6). */
gboolean    awp_accreditation_decide          (AwpStore    *store,
                                               const char  *id,
                                               gboolean     accredit,
                                               const char  *reason,
                                               const GDate *today,
                                               const char  *actor,
                                               GError     **error);
/* O93-6: the applicant was notified through the SED on @today. */
gboolean    awp_accreditation_mark_notified   (AwpStore    *store,
                                               const char  *id,
                                               const GDate *today,
                                               const char  *actor,
                                               GError     **error);

/* Shared by the Order 93 documents: @today or the current date. */
void        awp_channels_today                (const GDate *today,
                                               GDate       *out);
/* The due day of @norm counted from @from, as YYYY-MM-DD. */
char       *awp_channels_due                  (AwpStore    *store,
                                               const char  *norm,
                                               const GDate *from,
                                               GError     **error);
/* The data (a new reference) of the record @id, which must be of @type. */
JsonObject *awp_channels_load                 (AwpStore    *store,
                                               const char  *id,
                                               const char  *type,
                                               GError     **error);
/* Saves @changes to the draft @id of @type (fields set by actions refused;
 * "subject" follows @subject_field for the lists). */
gboolean    awp_channels_save_draft           (AwpStore    *store,
                                               const char  *type,
                                               const char  *id,
                                               JsonObject  *changes,
                                               const char  *subject_field,
                                               const char  *actor,
                                               GError     **error);
/* Every member of @src copied into @dest. */
void        awp_channels_copy_members         (JsonObject  *dest,
                                               JsonObject  *src);

G_END_DECLS
