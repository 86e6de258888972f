#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define AWP_STORE_ERROR (awp_store_error_quark ())
GQuark awp_store_error_quark (void);

typedef enum
{
  AWP_STORE_ERROR_FAILED,      /* SQLite reported an error */
  AWP_STORE_ERROR_TOO_NEW,     /* the file was written by a newer program */
  AWP_STORE_ERROR_NOT_FOUND,   /* no record with that id */
  AWP_STORE_ERROR_INVALID,     /* bad argument (field named in the message) */
  AWP_STORE_ERROR_TRANSITION,  /* action not allowed in the current state */
} AwpStoreError;

/* The newest schema version this program writes. */
#define AWP_STORE_SCHEMA_VERSION 6

#define AWP_TYPE_STORE (awp_store_get_type ())
G_DECLARE_FINAL_TYPE (AwpStore, awp_store, AWP, STORE, GObject)

/* Opens (creating or migrating) the database at @path at once: only the
 * header and schema are read. A file damaged there is moved aside as
 * "@path.damaged-YYYYMMDD-HHMMSS" and a new one created; then
 * awp_store_get_recovery_message() says so. Run awp_store_check_async()
 * after opening (and now and then) for the full integrity check. */
AwpStore   *awp_store_open                 (const char  *path,
                                            GError     **error);
/* Tests only: migrates no further than @version. */
AwpStore   *awp_store_open_at_version      (const char  *path,
                                            guint        version,
                                            GError     **error);
const char *awp_store_get_path             (AwpStore    *self);
guint       awp_store_get_schema_version   (AwpStore    *self);
/* A translated sentence naming the moved damaged file, or NULL. */
const char *awp_store_get_recovery_message (AwpStore    *self);
const char *awp_store_get_moved_path       (AwpStore    *self);
/* PRAGMA integrity_check in a worker thread on a read-only connection, so
 * the user works meanwhile. On damage the file is moved aside as on open,
 * a new empty store takes its place on the same object (views reset, the
 * "recovered" signal is emitted) and finish still returns TRUE; compare
 * awp_store_get_moved_path(). FALSE with @error if the check could not run. */
void        awp_store_check_async          (AwpStore             *self,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
gboolean    awp_store_check_finish         (AwpStore             *self,
                                            GAsyncResult         *result,
                                            GError              **error);
/* Another connection (the sync engine's worker) wrote to the file: views
 * over this store start over ("record-changed" with a NULL id). */
void        awp_store_reload_views         (AwpStore    *self);
/* This installation's id for sync (a UUIDv7 made on first open). */
const char *awp_store_get_client_id        (AwpStore    *self);
gboolean    awp_store_get_identity        (AwpStore    *self,
                                           char       **role,
                                           char       **org_id,
                                           GError     **error);
gboolean    awp_store_set_identity        (AwpStore    *self,
                                           const char  *role,
                                           const char  *org_id,
                                           GError     **error);

/* The working copy of one record: { "id", "type", "version", "state", "data" }
 * where data is the entity's JSON object. NULL with NOT_FOUND. */
JsonObject *awp_store_get_record           (AwpStore    *self,
                                            const char  *id,
                                            GError     **error);

/* One user change each, in ONE transaction: the record, its outbox row and
 * its audit entry (offline journal, DESIGN §4). @actor is the user id. */
char       *awp_store_create               (AwpStore    *self,
                                            const char  *type,
                                            JsonObject  *data,
                                            const char  *actor,
                                            GError     **error);
gboolean    awp_store_update               (AwpStore    *self,
                                            const char  *id,
                                            JsonObject  *patch,
                                            const char  *actor,
                                            GError     **error);
gboolean    awp_store_delete               (AwpStore    *self,
                                            const char  *id,
                                            const char  *actor,
                                            GError     **error);
/* Applies state-machine @action to the record (see awp-state-machine.h);
 * @fields (may be NULL) is merged into the patch, e.g. "answer" or
 * "extend_days". Due dates follow the norms (awp-deadline). */
gboolean    awp_store_transition           (AwpStore    *self,
                                            const char  *id,
                                            const char  *action,
                                            JsonObject  *fields,
                                            const char  *actor,
                                            GError     **error);

/* Number of records of @type (NULL: all), deleted ones excluded. */
gint64      awp_store_count                (AwpStore    *self,
                                            const char  *type,
                                            GError     **error);

G_END_DECLS
