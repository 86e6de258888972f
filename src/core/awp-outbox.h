#pragma once

#include <json-glib/json-glib.h>

#include "awp-store.h"

G_BEGIN_DECLS

/* The offline journal (DESIGN §4, research/offline-sync.md §7): every user
 * change leaves one outbox row; this is the sync engine's side of it. Each
 * call is one transaction. */

typedef struct
{
  gint64      seq;
  char       *mutation_id;   /* UUIDv4 */
  char       *entity_type;
  char       *entity_id;
  char       *op;            /* create | update | delete */
  gint64      base_version;  /* 0: none (a create) */
  JsonObject *patch;         /* changed fields only */
  JsonObject *base_values;   /* their values before the change */
  char       *status;        /* pending | inflight | acked | conflict | rejected */
  int         attempts;
  char       *last_error;
  char       *group;         /* the group written in one transaction, or NULL */
  guint       group_size;    /* its number of mutations (set by awp_outbox_list_group) */
} AwpOutboxEntry;

/* A group's id travels in the row's base_values under this member (taken
 * out again when the row is read), so the outbox table needs no column. */
#define AWP_OUTBOX_GROUP_MEMBER "@group"


void       awp_outbox_entry_free          (AwpOutboxEntry *mutation);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AwpOutboxEntry, awp_outbox_entry_free)

/* Pending mutations in order, at most @limit, leaving out entities held by
 * an earlier conflict or rejection (they wait for a person; others go on). */
GPtrArray *awp_outbox_list_pending    (AwpStore    *store,
                                       guint        limit,
                                       GError     **error);
/* The unacknowledged mutations of @group, in order; @ready (may be NULL)
 * tells whether all of them can be sent now: each pending and the first
 * unsent change of its record. */
GPtrArray *awp_outbox_list_group      (AwpStore    *store,
                                       const char  *group,
                                       gboolean    *ready,
                                       GError     **error);
/* Every mutation of @status (NULL: all), in order. */
GPtrArray *awp_outbox_list            (AwpStore    *store,
                                       const char  *status,
                                       GError     **error);
gint64     awp_outbox_count           (AwpStore    *store,
                                       const char  *status,
                                       GError     **error);
/* Sent: counts an attempt. */
gboolean   awp_outbox_mark_inflight   (AwpStore    *store,
                                       const char  *mutation_id,
                                       GError     **error);
/* Not answered (network, retry): back to pending with the error kept. */
gboolean   awp_outbox_mark_retry      (AwpStore    *store,
                                       const char  *mutation_id,
                                       const char  *last_error,
                                       GError     **error);
/* The same for a whole push batch (AwpOutboxEntry items) in one
 * statement: @inflight TRUE marks pending ones sent (an attempt each),
 * FALSE puts sent ones back to pending with @last_error. Nothing changes
 * unless every one is in the expected state. One transaction. */
gboolean   awp_outbox_mark_batch      (AwpStore    *store,
                                       GPtrArray   *entries,
                                       gboolean     inflight,
                                       const char  *last_error,
                                       GError     **error);
/* Refused for a reason this side has fixed (a file sent again): back to
 * pending under a new mutation id, as the server keeps its answer to the
 * old one. */
gboolean   awp_outbox_mark_resend     (AwpStore    *store,
                                       const char  *mutation_id,
                                       const char  *last_error,
                                       GError     **error);
/* Applied by the server as @new_version: updates record_base and the next
 * pending mutation's base_version of the same entity. */
gboolean   awp_outbox_mark_acked      (AwpStore    *store,
                                       const char  *mutation_id,
                                       gint64       new_version,
                                       GError     **error);
/* The same for @entry as listed (its patch is not read again). */
gboolean   awp_outbox_mark_acked_entry (AwpStore             *store,
                                        const AwpOutboxEntry *entry,
                                        gint64                new_version,
                                        GError              **error);
/* The server has @server_data at @server_version; @fields (JSON array of
 * names) clash. Kept with the server copy until a person resolves it. */
gboolean   awp_outbox_mark_conflict   (AwpStore    *store,
                                       const char  *mutation_id,
                                       gint64       server_version,
                                       JsonObject  *server_data,
                                       JsonArray   *fields,
                                       GError     **error);
/* Refused with @errors (JSON array of {field, msg}); kept and visible. */
gboolean   awp_outbox_mark_rejected   (AwpStore    *store,
                                       const char  *mutation_id,
                                       JsonArray   *errors,
                                       GError     **error);
/* A pulled page: @changes is an array of {entity_type, id, version, deleted,
 * data}. Stored with @next_cursor in one transaction; each record becomes
 * base + still-unacknowledged local patches. Versions never go back. */
gboolean   awp_outbox_apply_pull      (AwpStore    *store,
                                       JsonArray   *changes,
                                       const char  *next_cursor,
                                       GError     **error);
/* After a full re-download (410): drops the confirmed copy of every record
 * whose id is not in @seen (a set of ids) — the server no longer has it —
 * unless a local change still waits for it. One transaction. */
gboolean   awp_outbox_forget_unseen   (AwpStore    *store,
                                       GHashTable  *seen,
                                       GError     **error);
/* A person's answer to a conflict (DESIGN §4: mine / theirs / edit). */
typedef enum
{
  AWP_RESOLVE_THEIRS,  /* take the server copy; drop this record's unsent changes */
  AWP_RESOLVE_MINE,    /* send the local change again, on top of the server copy */
  AWP_RESOLVE_EDIT,    /* send @values (the fields as the person settled them) */
} AwpResolution;

/* Resolves the conflict of @mutation_id, one transaction. The server copy
 * becomes the confirmed base; MINE and EDIT re-queue the change under a new
 * mutation id (the old one's answer is the conflict, kept by the server)
 * with that copy's version and values as its base, so it applies next sync.
 * Against a deletion on the server, MINE and EDIT create the record again. */
gboolean   awp_outbox_resolve_conflict (AwpStore      *store,
                                        const char    *mutation_id,
                                        AwpResolution  how,
                                        JsonObject    *values,
                                        GError       **error);
/* What a conflict holds: the server's version and copy (NULL when the server
 * deleted the record) and the clashing field names. */
gboolean   awp_outbox_get_conflict     (AwpStore      *store,
                                        const char    *mutation_id,
                                        gint64        *server_version,
                                        JsonObject   **server_data,
                                        GStrv         *fields,
                                        GError       **error);
/* A rejected change a person has read: drops it and the record's later
 * unsent changes; the record is the confirmed copy again (or goes, if it
 * was never on the server). A change of a group takes the whole group
 * with it (its other records likewise). One transaction. */
gboolean   awp_outbox_discard          (AwpStore      *store,
                                        const char    *mutation_id,
                                        GError       **error);
/* The pull cursor, or NULL before the first pull. */
char      *awp_outbox_get_cursor      (AwpStore    *store,
                                       GError     **error);

/* Used by the store's edit functions: the outbox row of one change. */
gboolean   awp_outbox_add             (AwpStore    *store,
                                       const char  *op,
                                       const char  *entity_type,
                                       const char  *entity_id,
                                       gint64       base_version,
                                       JsonObject  *patch,
                                       JsonObject  *base_values,
                                       const char  *author,
                                       GError     **error);
/* record = record_base + unacknowledged patches, with its sync state. */
gboolean   awp_outbox_rebuild_record  (AwpStore    *store,
                                       const char  *entity_id,
                                       GError     **error);

G_END_DECLS
