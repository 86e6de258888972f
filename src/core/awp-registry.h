#pragma once

#include <json-glib/json-glib.h>

#include "awp-store.h"

G_BEGIN_DECLS

/* The Registry of communication channels (Order 93, Annex 2, O93-8 to
 * O93-10), kept in Kazakh and Russian. An entry is a store record of type
 * "channel":
 *   number                 "1", "2", … in order of inclusion, given by the
 *                          server; absent while the entry is provisional
 *   name_kk, name_ru       the channel's name
 *   owner_kk, owner_ru     the central state or local executive body owning it
 *   included_on            YYYY-MM-DD (O93-5: the day it was accredited)
 *   excluded_on            YYYY-MM-DD, once excluded (O93-12, O93-13)
 *   application_id         the accreditation application it came from
 * Its history: records of type "channel_history" with parent_id = the entry:
 *   kind                   "included", "changed", "excluded"
 *   on                     YYYY-MM-DD
 *   norm                   "O93-5" or "O93-13"
 *   source_id              the application, change request or notice
 *   field, old_value, new_value   (changes) which column, before and after
 *   grounds                why (change grounds, termination notice text)
 * Entries and history are only written by the decisions that the Order
 * names (awp-accreditation.h, awp-channel-request.h), each with its cause
 * in one transaction. */

/* The fields of an entry that a change request (Annex 3) may change. */
extern const char *const awp_registry_fields[];  /* name_kk, name_ru, owner_kk, owner_ru, NULL */

/* A field's name in @lang ("kk" or "ru"), for the Registry and Annex 3. */
const char *awp_registry_field_title   (const char *field,
                                        const char *lang);
/* One line of an entry's history (its channel_history data) in @lang
 * ("kk" or "ru"), as the Registry's own language has it: "01.12.2026 —
 * включен в Реестр (O93-5)". */
char       *awp_registry_history_title (JsonObject *line,
                                        const char *lang);
/* The six Annex 2 column titles in @lang ("kk" or "ru"), 0-5. */
const char *awp_registry_column_title  (guint       column,
                                        const char *lang);
#define AWP_REGISTRY_COLUMNS 6

/* Records (JSON objects { "id", "type", "version", "state", "data" }) of
 * @type, with @parent_id when not NULL, oldest first. */
GPtrArray  *awp_registry_list_records  (AwpStore    *store,
                                        const char  *type,
                                        const char  *parent_id,
                                        GError     **error);
/* The Registry's entries ordered by number; @query (may be NULL or empty)
 * keeps those whose number, names or owners contain every word of it,
 * case-folded (Kazakh letters included). */
GPtrArray  *awp_registry_search        (AwpStore    *store,
                                        const char  *query,
                                        GError     **error);
/* The history of the entry @channel_id in order. */
GPtrArray  *awp_registry_history       (AwpStore    *store,
                                        const char  *channel_id,
                                        GError     **error);
/* Whether the entry's @data has no number from the server yet. */
gboolean    awp_registry_is_provisional (JsonObject *data);
/* The number of the entry's @data for the Registry in @lang, or the
 * annex-language note that it is still awaited. */
const char *awp_registry_number_text   (JsonObject  *data,
                                        const char  *lang);
/* The same in the user's language (the workstation's lists). */
const char *awp_registry_number_label  (JsonObject  *data);
/* The text of one Annex 2 cell of @entry (a record as listed above) in
 * @lang; @history is the entry's history (columns 4 and 5 need it). */
char       *awp_registry_cell          (JsonObject  *entry,
                                        GPtrArray   *history,
                                        guint        column,
                                        const char  *lang);
/* The whole Registry as CSV (RFC 4180, UTF-8, CRLF) with the Annex 2
 * headings in @lang. */
char       *awp_registry_to_csv        (AwpStore    *store,
                                        const char  *lang,
                                        GError     **error);

/* For the decisions (inside their transaction): the new entry's id. */
char       *awp_registry_include       (AwpStore    *store,
                                        JsonObject  *application,
                                        const char  *application_id,
                                        const char  *day,
                                        const char  *actor,
                                        GError     **error);
gboolean    awp_registry_add_history   (AwpStore    *store,
                                        const char  *channel_id,
                                        JsonObject  *entry,
                                        const char  *actor,
                                        GError     **error);
/* The entry's data (a new reference), NOT_FOUND unless it is a channel. */
JsonObject *awp_registry_get_entry     (AwpStore    *store,
                                        const char  *channel_id,
                                        GError     **error);

G_END_DECLS
