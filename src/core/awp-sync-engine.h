#pragma once

#include <gio/gio.h>

#include "awp-sync.h"

G_BEGIN_DECLS

/* The app's sync engine (DESIGN §4): runs awp-sync cycles in a worker
 * thread with its own connection to the store file, so the UI never waits;
 * follows GNetworkMonitor, retries with full-jitter backoff (Retry-After
 * wins), and shows its state as properties for the header bar. */

typedef enum
{
  AWP_SYNC_STATE_OFFLINE,  /* no network, or not signed in yet */
  AWP_SYNC_STATE_ONLINE,   /* idle, the last cycle went through */
  AWP_SYNC_STATE_SYNCING,
  AWP_SYNC_STATE_ERROR,    /* the last cycle failed: see last-error */
} AwpSyncState;

#define AWP_TYPE_SYNC_STATE (awp_sync_state_get_type ())
GType awp_sync_state_get_type (void);

#define AWP_TYPE_SYNC_ENGINE (awp_sync_engine_get_type ())
G_DECLARE_FINAL_TYPE (AwpSyncEngine, awp_sync_engine, AWP, SYNC_ENGINE, GObject)

AwpSyncEngine *awp_sync_engine_new            (const char           *store_path,
                                               const char           *server_url,
                                               const char           *username);
/* FALSE keeps the tokens in memory only (training mode, tests). */
void           awp_sync_engine_set_use_keyring (AwpSyncEngine       *self,
                                                gboolean             use_keyring);
/* Seconds a request may take; tries per request (awp-sync.h). */
void           awp_sync_engine_set_timeout    (AwpSyncEngine        *self,
                                               guint                 seconds);
void           awp_sync_engine_set_max_attempts (AwpSyncEngine      *self,
                                                 guint               attempts);

/* HTTPS: trust only the certificates in @path (awp_sync_set_tls_ca_file). */
gboolean       awp_sync_engine_set_tls_ca_file (AwpSyncEngine       *self,
                                                const char          *path,
                                                GError             **error);

const char    *awp_sync_engine_get_server_url (AwpSyncEngine        *self);
/* The local store file the engine syncs. */
const char    *awp_sync_engine_get_store_path (AwpSyncEngine        *self);
const char    *awp_sync_engine_get_username   (AwpSyncEngine        *self);
/* The role the server gave at sign-in ("operator", …), "administrator"
 * while unknown (a session resumed from the keyring). */
const char    *awp_sync_engine_get_role       (AwpSyncEngine        *self);
AwpSyncState   awp_sync_engine_get_state      (AwpSyncEngine        *self);
gint64         awp_sync_engine_get_pending    (AwpSyncEngine        *self);
/* Changes held for a person: conflicts and rejections (DESIGN §4). */
gint64         awp_sync_engine_get_held       (AwpSyncEngine        *self);
/* Local time of the last cycle that went through, or NULL. */
GDateTime     *awp_sync_engine_get_last_sync  (AwpSyncEngine        *self);
const char    *awp_sync_engine_get_last_error (AwpSyncEngine        *self);
/* TRUE when the last cycle ended because the server knows the session no
 * more (AWP_SYNC_ERROR_UNAUTHORIZED): a sign-in is needed. */
gboolean       awp_sync_engine_get_session_ended (AwpSyncEngine     *self);
double         awp_sync_engine_get_progress   (AwpSyncEngine        *self);
/* The figures of the last finished cycle. */
void           awp_sync_engine_get_stats      (AwpSyncEngine        *self,
                                               AwpSyncStats         *stats);

/* Starts a cycle now (or right after the running one). */
void           awp_sync_engine_sync_now       (AwpSyncEngine        *self);
/* One cycle, reported to @callback on the caller's main context. */
void           awp_sync_engine_sync_async     (AwpSyncEngine        *self,
                                               GCancellable         *cancellable,
                                               GAsyncReadyCallback   callback,
                                               gpointer              user_data);
gboolean       awp_sync_engine_sync_finish    (AwpSyncEngine        *self,
                                               GAsyncResult         *result,
                                               GError              **error);
/* A local edit happened: recount the pending changes, sync soon. */
void           awp_sync_engine_local_change   (AwpSyncEngine        *self);

void           awp_sync_engine_sign_in_async  (AwpSyncEngine        *self,
                                               const char           *password,
                                               GCancellable         *cancellable,
                                               GAsyncReadyCallback   callback,
                                               gpointer              user_data);
gboolean       awp_sync_engine_sign_in_finish (AwpSyncEngine        *self,
                                               GAsyncResult         *result,
                                               GError              **error);

/* Downloads attachment @id (named @name, for messages) into the store file
 * unless it is there; the caller's store sees it after the callback. */
void           awp_sync_engine_fetch_attachment_async  (AwpSyncEngine       *self,
                                                        const char          *id,
                                                        const char          *name,
                                                        GCancellable        *cancellable,
                                                        GAsyncReadyCallback  callback,
                                                        gpointer             user_data);
gboolean       awp_sync_engine_fetch_attachment_finish (AwpSyncEngine       *self,
                                                        GAsyncResult        *result,
                                                        GError             **error);

G_END_DECLS
