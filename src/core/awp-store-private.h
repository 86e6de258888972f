#pragma once

#include "awp-deadline.h"
#include "awp-sqlite-private.h"
#include "awp-store.h"

G_BEGIN_DECLS

/* Shared by the store's modules (outbox, audit, search, query model, seed). */

sqlite3       *awp_store_get_db       (AwpStore    *self);
/* A cached prepared statement, reset on release (g_autoptr(AwpCachedStmt)). */
AwpCachedStmt *awp_store_prepare      (AwpStore    *self,
                                       const char  *sql,
                                       GError     **error);
/* Sets @error from the connection's last error, with @what for context. */
gboolean       awp_store_fail         (AwpStore    *self,
                                       const char  *what,
                                       GError     **error);
/* Runs one statement to completion; FALSE with @error on failure. */
gboolean       awp_store_step_done    (AwpStore      *self,
                                       AwpCachedStmt *stmt,
                                       GError       **error);
gboolean       awp_store_exec         (AwpStore    *self,
                                       const char  *sql,
                                       GError     **error);
/* BEGIN IMMEDIATE … COMMIT, nestable (only the outermost level commits).
 * On a failed commit the transaction is rolled back. */
gboolean       awp_store_begin        (AwpStore    *self,
                                       GError     **error);
gboolean       awp_store_commit       (AwpStore    *self,
                                       GError     **error);
void           awp_store_rollback     (AwpStore    *self);
/* Rolls back when a transaction is still open (an inner failure may have
 * rolled it back already); for callers that group several changes. */
void           awp_store_rollback_if_open (AwpStore *self);
/* awp_store_begin for a change that must reach the server whole (a
 * decision of Order 93 and its Registry entry, docs/sync.md "Groups"):
 * every outbox row written until the matching commit carries one group
 * id, and the server applies them all or none. */
gboolean       awp_store_begin_group  (AwpStore    *self,
                                       GError     **error);
/* The group id of the open transaction, NULL outside a group. */
const char    *awp_store_get_group    (AwpStore    *self);

/* Signals "record-will-change" (id) inside the transaction before a write,
 * "record-changed" (id) after commit or rollback; the query model uses them
 * to compute exact items-changed positions. */
void           awp_store_emit_will_change (AwpStore   *self,
                                           const char *id);
void           awp_store_emit_changed     (AwpStore   *self,
                                           const char *id);

/* Writes the working copy with its typed columns and search text; the one
 * place that maps entity JSON to the columns queues sort and filter on. */
/* @data_text: @data serialized, when the caller has it already (or NULL). */
gboolean       awp_store_put_record   (AwpStore    *self,
                                       const char  *id,
                                       const char  *type,
                                       JsonObject  *data,
                                       const char  *data_text,
                                       gint64       server_version,
                                       const char  *state,
                                       GError     **error);
gboolean       awp_store_remove_record (AwpStore   *self,
                                        const char *id,
                                        GError    **error);
/* Tests and benches: index search text on writes (default TRUE). */
gboolean       awp_store_get_fts_enabled (AwpStore *self);
void           awp_store_set_fts_enabled (AwpStore *self,
                                          gboolean  enabled);

/* The working-day calendar and statutory rules (borrowed), loaded once. */
gboolean       awp_store_get_deadline_rules (AwpStore     *self,
                                             AwpCalendar **calendar,
                                             AwpRuleSet  **rules,
                                             GError      **error);

/* Sets the deadlines that start on receipt (data "deadlines" and "due_on")
 * from data "received_on"; nothing for types without such deadlines. */
gboolean       awp_store_fill_deadlines (AwpCalendar  *calendar,
                                         AwpRuleSet   *rules,
                                         const char   *type,
                                         JsonObject   *data,
                                         GError      **error);

/* TRUE between awp_store_begin and the matching commit or a rollback. */
gboolean       awp_store_in_transaction (AwpStore *self);

/* Bulk loading (seed, full re-download): drops the secondary indexes of
 * `record`, remembering their SQL; the end call recreates them, which sorts
 * once instead of updating six b-trees per row. Inside a transaction. */
#define AWP_STORE_BULK_QDATA "awp-store-bulk-indexes"
gboolean       awp_store_bulk_begin   (AwpStore    *self,
                                       GError     **error);
gboolean       awp_store_bulk_end     (AwpStore    *self,
                                       GError     **error);
/* During a bulk load every row gets one updated_at (NULL otherwise). */
void           awp_store_set_bulk_stamp (AwpStore   *self,
                                         const char *stamp);
const char    *awp_store_get_bulk_stamp (AwpStore   *self);

/* The triggers that keep record_count exact (schema 3); bulk loads drop
 * them with the indexes and recount once at the end. */
#define AWP_STORE_COUNT_TRIGGERS \
  "CREATE TRIGGER record_count_insert AFTER INSERT ON record BEGIN" \
  "  INSERT INTO record_count (type, status, n) VALUES (new.type, ifnull (new.status, ''), 1)" \
  "    ON CONFLICT (type, status) DO UPDATE SET n = n + 1;" \
  " END;" \
  "CREATE TRIGGER record_count_delete AFTER DELETE ON record BEGIN" \
  "  UPDATE record_count SET n = n - 1 WHERE type = old.type AND status = ifnull (old.status, '');" \
  " END;" \
  "CREATE TRIGGER record_count_update AFTER UPDATE OF type, status ON record" \
  "  WHEN old.type IS NOT new.type OR old.status IS NOT new.status BEGIN" \
  "  UPDATE record_count SET n = n - 1 WHERE type = old.type AND status = ifnull (old.status, '');" \
  "  INSERT INTO record_count (type, status, n) VALUES (new.type, ifnull (new.status, ''), 1)" \
  "    ON CONFLICT (type, status) DO UPDATE SET n = n + 1;" \
  " END;"

/* A pulled page writes its search text once at the end instead of row by
 * row (FTS5 flushes at every statement otherwise). Inside a transaction;
 * a rollback drops what was staged. */
#define AWP_STORE_FTS_STAGE_QDATA "awp-store-fts-stage"
gboolean       awp_store_fts_stage_begin (AwpStore    *self,
                                          GError     **error);
gboolean       awp_store_fts_stage_end   (AwpStore    *self,
                                          GError     **error);

/* Migrations (awp-store-migrations.c): from user_version to @target. */
gboolean       awp_store_migrate      (AwpStore    *self,
                                       guint        target,
                                       GError     **error);
/* SQL functions the schema uses (awp_fold, awp_fts_subject, awp_fts_body). */
void           awp_store_register_functions (sqlite3 *db);

/* JSON helpers shared by the store modules. */
char          *awp_json_object_to_string (JsonObject  *object);
JsonObject    *awp_json_object_from_string (const char *text,
                                            GError    **error);
/* Today's date as YYYY-MM-DD in local time; AWP_TODAY overrides (tests). */
char          *awp_store_today        (void);
char          *awp_store_now_iso      (void);

G_END_DECLS
