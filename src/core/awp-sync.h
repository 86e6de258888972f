#pragma once

#include <gio/gio.h>

#include "awp-store.h"

G_BEGIN_DECLS

/* One sync cycle with the central server (DESIGN §4, docs/api/openapi.yaml):
 * push the outbox in batches, apply each result, then pull pages from the
 * stored cursor. Blocking: the engine (awp-sync-engine.h) runs it in a
 * worker thread; awpctl sync calls it directly. */

#define AWP_SYNC_ERROR (awp_sync_error_quark ())
GQuark awp_sync_error_quark (void);

typedef enum
{
  AWP_SYNC_ERROR_NETWORK,       /* no answer, a timeout, a cut answer, 5xx: try again later */
  AWP_SYNC_ERROR_UNAUTHORIZED,  /* not signed in, or the session ended: sign in again */
  AWP_SYNC_ERROR_FORBIDDEN,     /* this account may not do that */
  AWP_SYNC_ERROR_PROTOCOL,      /* an answer outside the contract; never retried */
  AWP_SYNC_ERROR_KEYRING,       /* the tokens cannot be kept: no keyring reachable */
  AWP_SYNC_ERROR_CERTIFICATE,   /* TLS: the server's certificate is not trusted; never retried */
} AwpSyncError;

typedef struct
{
  guint    pushed;     /* mutations answered by the server */
  guint    applied;    /* … of which applied (merged ones included) */
  guint    merged;
  guint    conflicts;
  guint    rejected;
  guint    pulled;     /* changes received */
  gboolean resynced;   /* the cursor had expired (410): everything was downloaded again */
} AwpSyncStats;

/* @fraction is 0..1 of the pull (an estimate from the server's "remaining"). */
typedef void (*AwpSyncProgressFunc) (double   fraction,
                                     gpointer user_data);

typedef struct _AwpSync AwpSync;

AwpSync    *awp_sync_new              (const char  *server_url,
                                       const char  *username);
void        awp_sync_free             (AwpSync     *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AwpSync, awp_sync_free)

const char *awp_sync_get_server_url   (AwpSync     *self);
const char *awp_sync_get_username     (AwpSync     *self);
/* The signed-in user's role ("operator", …) as the server said at sign-in;
 * "administrator" until then. The organization, or NULL. */
const char *awp_sync_get_role         (AwpSync     *self);
const char *awp_sync_get_org_id       (AwpSync     *self);
/* Loads the role and org id kept in @store's sync_state (from an earlier
 * sign-in), and keeps the ones the server named there. */
gboolean    awp_sync_load_identity    (AwpSync     *self,
                                       AwpStore    *store,
                                       GError     **error);
gboolean    awp_sync_save_identity    (AwpSync     *self,
                                       AwpStore    *store,
                                       GError     **error);
/* Seconds a request may take (default 30). */
void        awp_sync_set_timeout      (AwpSync     *self,
                                       guint        seconds);
/* Tries per request on NETWORK failures, with full-jitter backoff that
 * honours Retry-After (default 4). */
void        awp_sync_set_max_attempts (AwpSync     *self,
                                       guint        attempts);
/* Mutations per push (default 500, at most 1000) and changes per page
 * (default 1000). */
void        awp_sync_set_batch_size   (AwpSync     *self,
                                       guint        mutations);
void        awp_sync_set_page_size    (AwpSync     *self,
                                       guint        changes);
/* TRUE (default): tokens live in the desktop keyring (awp-secret.h).
 * FALSE keeps them in memory only (training mode, tests). */
void        awp_sync_set_use_keyring  (AwpSync     *self,
                                       gboolean     use_keyring);
/* HTTPS: the server's certificate is checked against the system's CAs
 * (the default) or, once this is called, against the certificates in
 * @path (PEM) only: a private CA, or the server's own self-signed
 * certificate to trust just that one. The host name must match either way.
 * NULL goes back to the system's CAs. FALSE when @path cannot be read. */
gboolean    awp_sync_set_tls_ca_file  (AwpSync     *self,
                                       const char  *path,
                                       GError     **error);
/* The server's last Retry-After in ms (0: none), for the engine's backoff. */
guint64     awp_sync_get_retry_after  (AwpSync     *self);

/* Signs in with a password; the tokens go to the keyring (or memory). */
gboolean    awp_sync_sign_in          (AwpSync       *self,
                                       const char    *password,
                                       GCancellable  *cancellable,
                                       GError       **error);
/* TRUE when tokens are at hand (in memory or in the keyring). */
gboolean    awp_sync_has_tokens       (AwpSync       *self,
                                       GCancellable  *cancellable,
                                       GError       **error);
/* Forgets the tokens here and in the keyring. */
gboolean    awp_sync_sign_out         (AwpSync       *self,
                                       GCancellable  *cancellable,
                                       GError       **error);

/* One cycle on @store: push, then pull. @stats (may be NULL) is filled
 * even when it fails half-way; what was done stays done. */
gboolean    awp_sync_run              (AwpSync              *self,
                                       AwpStore             *store,
                                       AwpSyncStats         *stats,
                                       AwpSyncProgressFunc   progress,
                                       gpointer              user_data,
                                       GCancellable         *cancellable,
                                       GError              **error);

/* The local store file the app and awpctl sync use unless told otherwise:
 * $XDG_DATA_HOME/kz.opendialog.Workstation/awp.db (its folder is made). */
char       *awp_sync_default_store_path (void);

/* Downloads the file @id (a record's attachment named @name) into @store
 * unless it is there already; the bytes are checked against the id. The
 * server answers only to those who may see a record naming it. */
gboolean    awp_sync_fetch_attachment (AwpSync              *self,
                                       AwpStore             *store,
                                       const char           *id,
                                       const char           *name,
                                       GCancellable         *cancellable,
                                       GError              **error);

/* The push half alone (a local change while the pull can wait). */
gboolean    awp_sync_push             (AwpSync              *self,
                                       AwpStore             *store,
                                       AwpSyncStats         *stats,
                                       GCancellable         *cancellable,
                                       GError              **error);

G_END_DECLS
