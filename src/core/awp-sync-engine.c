#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "awp-backoff.h"
#include "awp-outbox.h"
#include "awp-sync-engine.h"

/* Everything the UI reads lives on the main context that created the
 * engine; the worker thread only touches the AwpSync and its own store
 * connection, under @lock, one cycle at a time. */

#define AUTO_SYNC_SECONDS  300   /* a quiet workstation still syncs every 5 min */
#define SOON_MS            2000  /* an edit is sent after this pause */

struct _AwpSyncEngine
{
  GObject          parent_instance;

  /* owned */
  char            *store_path;
  AwpSync         *sync;
  AwpStore        *worker_store;   /* the worker's connection; under @lock */
  GMutex           lock;
  GNetworkMonitor *monitor;
  GMainContext    *context;
  GDateTime       *last_sync;
  char            *last_error;
  gboolean         session_ended;  /* the last cycle: AWP_SYNC_ERROR_UNAUTHORIZED */
  char            *role;           /* copied from @sync after sign-in */
  AwpSyncStats     stats;

  AwpSyncState     state;
  gint64           pending;
  gint64           held;
  double           progress;
  guint            running;        /* cycles started, not finished */
  gboolean         again;          /* sync_now during a cycle */
  guint            attempt;        /* failed cycles in a row */
  guint            retry_source;
  guint            soon_source;
  guint            auto_source;
  gboolean         loopback;       /* a local server needs no network */
};

G_DEFINE_FINAL_TYPE (AwpSyncEngine, awp_sync_engine, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (AwpSyncState, awp_sync_state,
                    G_DEFINE_ENUM_VALUE (AWP_SYNC_STATE_OFFLINE, "offline"),
                    G_DEFINE_ENUM_VALUE (AWP_SYNC_STATE_ONLINE, "online"),
                    G_DEFINE_ENUM_VALUE (AWP_SYNC_STATE_SYNCING, "syncing"),
                    G_DEFINE_ENUM_VALUE (AWP_SYNC_STATE_ERROR, "error"))

enum
{
  PROP_0,
  PROP_STATE,
  PROP_PENDING,
  PROP_HELD,
  PROP_LAST_SYNC,
  PROP_LAST_ERROR,
  PROP_PROGRESS,
  PROP_ROLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  AwpSyncStats stats;
  gint64       pending;
  gint64       held;
  GError      *error;
  char        *password;   /* sign-in only */
} Cycle;

static void
cycle_free (Cycle *c)
{
  g_clear_error (&c->error);
  if (c->password != NULL)
    memset (c->password, 0, strlen (c->password));
  g_free (c->password);
  g_free (c);
}

static void
set_state (AwpSyncEngine *self,
           AwpSyncState   state)
{
  if (self->state == state)
    return;
  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

static void
set_error (AwpSyncEngine *self,
           const char    *message)
{
  if (g_strcmp0 (self->last_error, message) == 0)
    return;
  g_free (self->last_error);
  self->last_error = g_strdup (message);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_ERROR]);
}

static void
set_pending (AwpSyncEngine *self,
             gint64         pending)
{
  if (pending < 0 || self->pending == pending)
    return;
  self->pending = pending;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PENDING]);
}

static void
set_held (AwpSyncEngine *self,
          gint64         held)
{
  if (held < 0 || self->held == held)
    return;
  self->held = held;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HELD]);
}

static void
set_progress (AwpSyncEngine *self,
              double         progress)
{
  if (self->progress == progress)
    return;
  self->progress = progress;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROGRESS]);
}

/* Timers run on the engine's own main context. */
static guint
add_timeout (AwpSyncEngine *self,
             guint          ms,
             GSourceFunc    func)
{
  g_autoptr(GSource) source = g_timeout_source_new (ms);
  guint id;

  g_source_set_callback (source, func, self, NULL);
  id = g_source_attach (source, self->context);
  return id;
}

static void
remove_timeout (AwpSyncEngine *self,
                guint         *id)
{
  GSource *source;

  if (*id == 0)
    return;
  source = g_main_context_find_source_by_id (self->context, *id);
  if (source != NULL)
    g_source_destroy (source);
  *id = 0;
}

/* ---- the worker side ---------------------------------------------- */

/* Opens the worker's own connection on first use (under @lock). */
static AwpStore *
worker_store (AwpSyncEngine  *self,
              GError        **error)
{
  if (self->worker_store == NULL)
    self->worker_store = awp_store_open (self->store_path, error);
  return self->worker_store;
}

static gint64
count_held (AwpStore *store)
{
  gint64 conflicts = awp_outbox_count (store, "conflict", NULL);
  gint64 rejected = awp_outbox_count (store, "rejected", NULL);

  return conflicts < 0 || rejected < 0 ? -1 : conflicts + rejected;
}

static gint64
count_pending (AwpStore *store)
{
  gint64 pending = awp_outbox_count (store, "pending", NULL);
  gint64 inflight = awp_outbox_count (store, "inflight", NULL);

  return pending < 0 || inflight < 0 ? -1 : pending + inflight;
}

typedef struct
{
  AwpSyncEngine *self;
  double         fraction;
} Progress;

static gboolean
progress_in_main (gpointer data)
{
  Progress *p = data;

  set_progress (p->self, p->fraction);
  return G_SOURCE_REMOVE;
}

static void
progress_free (gpointer data)
{
  Progress *p = data;

  g_object_unref (p->self);
  g_free (p);
}

static void
progress_from_worker (double   fraction,
                      gpointer user_data)
{
  AwpSyncEngine *self = user_data;
  Progress *p = g_new0 (Progress, 1);

  p->self = g_object_ref (self);
  p->fraction = fraction;
  g_main_context_invoke_full (self->context, G_PRIORITY_DEFAULT, progress_in_main, p, progress_free);
}

/* Keeps the role and org id the last login or refresh answer named, so a
 * restart with a kept token starts with them (under @lock). A failure here
 * must not fail the sign-in or the sync: the next answer tries again. */
static void
keep_identity (AwpSyncEngine *self)
{
  g_autoptr(GError) error = NULL;
  AwpStore *store = worker_store (self, &error);

  if (store == NULL || !awp_sync_save_identity (self->sync, store, &error))
    g_message ("Could not keep the signed-in role: %s", error->message);
}

static void
cycle_thread (GTask        *task,
              gpointer      source,
              gpointer      task_data,
              GCancellable *cancellable)
{
  AwpSyncEngine *self = source;
  Cycle *c = task_data;
  AwpStore *store;

  g_mutex_lock (&self->lock);
  store = worker_store (self, &c->error);
  if (store != NULL)
    {
      awp_sync_run (self->sync, store, &c->stats, progress_from_worker, self, cancellable, &c->error);
      keep_identity (self);
      c->pending = count_pending (store);
      c->held = count_held (store);
    }
  g_mutex_unlock (&self->lock);
  g_task_return_boolean (task, TRUE);
}

static void
count_thread (GTask        *task,
              gpointer      source,
              gpointer      task_data,
              GCancellable *cancellable)
{
  AwpSyncEngine *self = source;
  Cycle *c = task_data;
  AwpStore *store;

  g_mutex_lock (&self->lock);
  store = worker_store (self, &c->error);
  c->pending = store != NULL ? count_pending (store) : -1;
  c->held = store != NULL ? count_held (store) : -1;
  g_mutex_unlock (&self->lock);
  g_task_return_boolean (task, TRUE);
}

static void
sign_in_thread (GTask        *task,
                gpointer      source,
                gpointer      task_data,
                GCancellable *cancellable)
{
  AwpSyncEngine *self = source;
  Cycle *c = task_data;
  gboolean ok;

  g_mutex_lock (&self->lock);
  ok = awp_sync_sign_in (self->sync, c->password, cancellable, &c->error);
  if (ok)
    keep_identity (self);
  g_mutex_unlock (&self->lock);
  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_error_copy (c->error));
}

typedef struct
{
  char *id;
  char *name;
} Fetch;

static void
fetch_free (Fetch *f)
{
  g_free (f->id);
  g_free (f->name);
  g_free (f);
}

/* Downloads on the worker's connection, between cycles (the lock). */
static void
fetch_thread (GTask        *task,
              gpointer      source,
              gpointer      task_data,
              GCancellable *cancellable)
{
  AwpSyncEngine *self = source;
  Fetch *f = task_data;
  GError *error = NULL;
  AwpStore *store;
  gboolean ok;

  g_mutex_lock (&self->lock);
  store = worker_store (self, &error);
  ok = store != NULL && awp_sync_fetch_attachment (self->sync, store, f->id, f->name, cancellable, &error);
  g_mutex_unlock (&self->lock);
  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
awp_sync_engine_fetch_attachment_async (AwpSyncEngine       *self,
                                        const char          *id,
                                        const char          *name,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Fetch *f;

  g_return_if_fail (AWP_IS_SYNC_ENGINE (self));
  g_return_if_fail (id != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, awp_sync_engine_fetch_attachment_async);
  f = g_new0 (Fetch, 1);
  f->id = g_strdup (id);
  f->name = g_strdup (name != NULL ? name : id);
  g_task_set_task_data (task, f, (GDestroyNotify) fetch_free);
  g_task_run_in_thread (task, fetch_thread);
}

gboolean
awp_sync_engine_fetch_attachment_finish (AwpSyncEngine  *self,
                                         GAsyncResult   *result,
                                         GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* ---- the main side ------------------------------------------------- */

static gboolean
network_ok (AwpSyncEngine *self)
{
  return self->loopback || g_network_monitor_get_network_available (self->monitor);
}

static gboolean
retry_cb (gpointer data)
{
  AwpSyncEngine *self = data;

  self->retry_source = 0;
  awp_sync_engine_sync_now (self);
  return G_SOURCE_REMOVE;
}

static gboolean
auto_cb (gpointer data)
{
  AwpSyncEngine *self = data;

  if (self->state == AWP_SYNC_STATE_ONLINE && network_ok (self))
    awp_sync_engine_sync_now (self);
  return G_SOURCE_CONTINUE;
}

/* Takes the role the worker's AwpSync now holds (main side). */
static void
update_role (AwpSyncEngine *self)
{
  g_autofree char *role = NULL;

  g_mutex_lock (&self->lock);
  role = g_strdup (awp_sync_get_role (self->sync));
  g_mutex_unlock (&self->lock);
  if (g_strcmp0 (role, self->role) != 0)
    {
      g_free (self->role);
      self->role = g_steal_pointer (&role);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROLE]);
    }
}

static void
cycle_done (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  AwpSyncEngine *self = AWP_SYNC_ENGINE (source);
  GTask *outer = user_data;
  Cycle *c = g_task_get_task_data (G_TASK (result));

  self->running--;
  self->stats = c->stats;
  update_role (self);  /* a token refresh may have named another role */
  set_pending (self, c->pending);
  set_held (self, c->held);
  if (c->error == NULL)
    {
      self->attempt = 0;
      g_clear_pointer (&self->last_sync, g_date_time_unref);
      self->last_sync = g_date_time_new_now_local ();
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_SYNC]);
      self->session_ended = FALSE;
      set_error (self, NULL);
      set_progress (self, 1.0);
      set_state (self, AWP_SYNC_STATE_ONLINE);
    }
  else if (g_error_matches (c->error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    set_state (self, AWP_SYNC_STATE_ONLINE);
  else
    {
      self->session_ended = g_error_matches (c->error, AWP_SYNC_ERROR, AWP_SYNC_ERROR_UNAUTHORIZED);
      set_error (self, c->error->message);
      if (g_error_matches (c->error, AWP_SYNC_ERROR, AWP_SYNC_ERROR_NETWORK))
        {
          /* Full jitter, never sooner than the server asked (DESIGN §4). */
          guint64 delay = awp_backoff_delay_ms (self->attempt++, awp_sync_get_retry_after (self->sync), NULL);

          set_state (self, AWP_SYNC_STATE_OFFLINE);
          remove_timeout (self, &self->retry_source);
          self->retry_source = add_timeout (self, (guint) MIN (delay, G_MAXUINT), retry_cb);
        }
      else
        set_state (self, AWP_SYNC_STATE_ERROR);  /* a person has to act */
    }
  if (self->running > 0)
    set_state (self, AWP_SYNC_STATE_SYNCING);
  else if (self->again)
    {
      self->again = FALSE;
      awp_sync_engine_sync_now (self);
    }

  if (c->error != NULL)
    g_task_return_error (outer, g_error_copy (c->error));
  else
    g_task_return_boolean (outer, TRUE);
  g_object_unref (outer);
}

void
awp_sync_engine_sync_async (AwpSyncEngine       *self,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) inner = NULL;
  GTask *outer;

  g_return_if_fail (AWP_IS_SYNC_ENGINE (self));

  outer = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (outer, awp_sync_engine_sync_async);
  inner = g_task_new (self, cancellable, cycle_done, outer);
  g_task_set_source_tag (inner, awp_sync_engine_sync_async);
  g_task_set_task_data (inner, g_new0 (Cycle, 1), (GDestroyNotify) cycle_free);
  remove_timeout (self, &self->retry_source);
  remove_timeout (self, &self->soon_source);
  self->running++;
  if (self->last_sync == NULL)
    set_progress (self, 0.0);
  set_state (self, AWP_SYNC_STATE_SYNCING);
  g_task_run_in_thread (inner, cycle_thread);
}

gboolean
awp_sync_engine_sync_finish (AwpSyncEngine  *self,
                             GAsyncResult   *result,
                             GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

void
awp_sync_engine_sync_now (AwpSyncEngine *self)
{
  g_return_if_fail (AWP_IS_SYNC_ENGINE (self));

  if (self->running > 0)
    {
      self->again = TRUE;
      return;
    }
  awp_sync_engine_sync_async (self, NULL, NULL, NULL);
}

static gboolean
soon_cb (gpointer data)
{
  AwpSyncEngine *self = data;

  self->soon_source = 0;
  if (network_ok (self) && self->state != AWP_SYNC_STATE_ERROR)
    awp_sync_engine_sync_now (self);
  return G_SOURCE_REMOVE;
}

static void
count_done (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  Cycle *c = g_task_get_task_data (G_TASK (result));

  set_pending (AWP_SYNC_ENGINE (source), c->pending);
  set_held (AWP_SYNC_ENGINE (source), c->held);
}

void
awp_sync_engine_local_change (AwpSyncEngine *self)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (AWP_IS_SYNC_ENGINE (self));

  task = g_task_new (self, NULL, count_done, NULL);
  g_task_set_source_tag (task, awp_sync_engine_local_change);
  g_task_set_task_data (task, g_new0 (Cycle, 1), (GDestroyNotify) cycle_free);
  g_task_run_in_thread (task, count_thread);
  if (self->soon_source == 0 && self->retry_source == 0)
    self->soon_source = add_timeout (self, SOON_MS, soon_cb);
}

static void
sign_in_done (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  AwpSyncEngine *self = AWP_SYNC_ENGINE (source);
  GTask *outer = user_data;
  g_autoptr(GError) error = NULL;

  if (g_task_propagate_boolean (G_TASK (result), &error))
    {
      update_role (self);
      self->session_ended = FALSE;
      set_error (self, NULL);
      set_state (self, AWP_SYNC_STATE_ONLINE);
      self->attempt = 0;
      awp_sync_engine_sync_now (self);
      g_task_return_boolean (outer, TRUE);
    }
  else
    {
      set_error (self, error->message);
      g_task_return_error (outer, g_steal_pointer (&error));
    }
  g_object_unref (outer);
}

void
awp_sync_engine_sign_in_async (AwpSyncEngine       *self,
                               const char          *password,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) inner = NULL;
  GTask *outer;
  Cycle *c;

  g_return_if_fail (AWP_IS_SYNC_ENGINE (self));
  g_return_if_fail (password != NULL);

  outer = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (outer, awp_sync_engine_sign_in_async);
  inner = g_task_new (self, cancellable, sign_in_done, outer);
  c = g_new0 (Cycle, 1);
  c->password = g_strdup (password);
  g_task_set_task_data (inner, c, (GDestroyNotify) cycle_free);
  g_task_run_in_thread (inner, sign_in_thread);
}

gboolean
awp_sync_engine_sign_in_finish (AwpSyncEngine  *self,
                                GAsyncResult   *result,
                                GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
network_changed (GNetworkMonitor *monitor,
                 gboolean         available,
                 AwpSyncEngine   *self)
{
  if (self->loopback)
    return;
  if (!available)
    {
      remove_timeout (self, &self->retry_source);
      if (self->running == 0)
        set_state (self, AWP_SYNC_STATE_OFFLINE);
      return;
    }
  /* The network is back: retry at once rather than wait out the backoff. */
  if (self->state == AWP_SYNC_STATE_OFFLINE && self->last_error != NULL)
    {
      self->attempt = 0;
      awp_sync_engine_sync_now (self);
    }
}

/* ---- boilerplate --------------------------------------------------- */

static gboolean
is_loopback (const char *url)
{
  g_autoptr(GUri) uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  const char *host = uri ? g_uri_get_host (uri) : NULL;

  return host != NULL && (g_str_equal (host, "127.0.0.1") || g_str_equal (host, "localhost")
                          || g_str_equal (host, "::1") || g_str_equal (host, "[::1]"));
}

AwpSyncEngine *
awp_sync_engine_new (const char *store_path,
                     const char *server_url,
                     const char *username)
{
  AwpSyncEngine *self;

  g_return_val_if_fail (store_path != NULL && server_url != NULL && username != NULL, NULL);

  self = g_object_new (AWP_TYPE_SYNC_ENGINE, NULL);
  self->store_path = g_strdup (store_path);
  self->sync = awp_sync_new (server_url, username);
  self->loopback = is_loopback (server_url);
  /* The role kept from the last sign-in, so the "role" property is right
   * before the kept token is used (no answer yet after a restart). */
  {
    g_autoptr(GError) error = NULL;
    AwpStore *store;

    g_mutex_lock (&self->lock);
    store = worker_store (self, &error);
    if (store == NULL || !awp_sync_load_identity (self->sync, store, &error))
      g_message ("Could not read the signed-in role: %s", error->message);
    self->role = g_strdup (awp_sync_get_role (self->sync));
    g_mutex_unlock (&self->lock);
  }
  return self;
}

void
awp_sync_engine_set_use_keyring (AwpSyncEngine *self,
                                 gboolean       use_keyring)
{
  g_mutex_lock (&self->lock);
  awp_sync_set_use_keyring (self->sync, use_keyring);
  g_mutex_unlock (&self->lock);
}

void
awp_sync_engine_set_timeout (AwpSyncEngine *self,
                             guint          seconds)
{
  g_mutex_lock (&self->lock);
  awp_sync_set_timeout (self->sync, seconds);
  g_mutex_unlock (&self->lock);
}

gboolean
awp_sync_engine_set_tls_ca_file (AwpSyncEngine  *self,
                                 const char     *path,
                                 GError        **error)
{
  gboolean ok;

  g_mutex_lock (&self->lock);
  ok = awp_sync_set_tls_ca_file (self->sync, path, error);
  g_mutex_unlock (&self->lock);
  return ok;
}

void
awp_sync_engine_set_max_attempts (AwpSyncEngine *self,
                                  guint          attempts)
{
  g_mutex_lock (&self->lock);
  awp_sync_set_max_attempts (self->sync, attempts);
  g_mutex_unlock (&self->lock);
}

const char *
awp_sync_engine_get_server_url (AwpSyncEngine *self)
{
  return awp_sync_get_server_url (self->sync);
}

const char *
awp_sync_engine_get_store_path (AwpSyncEngine *self)
{
  return self->store_path;
}

const char *
awp_sync_engine_get_role (AwpSyncEngine *self)
{
  g_return_val_if_fail (AWP_IS_SYNC_ENGINE (self), NULL);
  return self->role ? self->role : "administrator";
}

const char *
awp_sync_engine_get_username (AwpSyncEngine *self)
{
  return awp_sync_get_username (self->sync);
}

AwpSyncState
awp_sync_engine_get_state (AwpSyncEngine *self)
{
  return self->state;
}

gint64
awp_sync_engine_get_pending (AwpSyncEngine *self)
{
  return self->pending;
}

gint64
awp_sync_engine_get_held (AwpSyncEngine *self)
{
  return self->held;
}

GDateTime *
awp_sync_engine_get_last_sync (AwpSyncEngine *self)
{
  return self->last_sync;
}

gboolean
awp_sync_engine_get_session_ended (AwpSyncEngine *self)
{
  g_return_val_if_fail (AWP_IS_SYNC_ENGINE (self), FALSE);
  return self->session_ended;
}

const char *
awp_sync_engine_get_last_error (AwpSyncEngine *self)
{
  return self->last_error;
}

double
awp_sync_engine_get_progress (AwpSyncEngine *self)
{
  return self->progress;
}

void
awp_sync_engine_get_stats (AwpSyncEngine *self,
                           AwpSyncStats  *stats)
{
  *stats = self->stats;
}

static void
awp_sync_engine_dispose (GObject *object)
{
  AwpSyncEngine *self = AWP_SYNC_ENGINE (object);

  remove_timeout (self, &self->retry_source);
  remove_timeout (self, &self->soon_source);
  remove_timeout (self, &self->auto_source);
  if (self->monitor != NULL)
    g_signal_handlers_disconnect_by_func (self->monitor, network_changed, self);
  g_clear_object (&self->monitor);
  G_OBJECT_CLASS (awp_sync_engine_parent_class)->dispose (object);
}

static void
awp_sync_engine_finalize (GObject *object)
{
  AwpSyncEngine *self = AWP_SYNC_ENGINE (object);

  g_clear_object (&self->worker_store);
  g_clear_pointer (&self->sync, awp_sync_free);
  g_clear_pointer (&self->last_sync, g_date_time_unref);
  g_clear_pointer (&self->context, g_main_context_unref);
  g_free (self->last_error);
  g_free (self->role);
  g_free (self->store_path);
  g_mutex_clear (&self->lock);
  G_OBJECT_CLASS (awp_sync_engine_parent_class)->finalize (object);
}

static void
awp_sync_engine_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  AwpSyncEngine *self = AWP_SYNC_ENGINE (object);

  switch (prop_id)
    {
    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;
    case PROP_PENDING:
      g_value_set_int64 (value, self->pending);
      break;
    case PROP_HELD:
      g_value_set_int64 (value, self->held);
      break;
    case PROP_LAST_SYNC:
      g_value_set_boxed (value, self->last_sync);
      break;
    case PROP_LAST_ERROR:
      g_value_set_string (value, self->last_error);
      break;
    case PROP_PROGRESS:
      g_value_set_double (value, self->progress);
      break;
    case PROP_ROLE:
      g_value_set_string (value, awp_sync_engine_get_role (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
awp_sync_engine_class_init (AwpSyncEngineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = awp_sync_engine_dispose;
  object_class->finalize = awp_sync_engine_finalize;
  object_class->get_property = awp_sync_engine_get_property;

  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL, AWP_TYPE_SYNC_STATE, AWP_SYNC_STATE_OFFLINE,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PENDING] =
    g_param_spec_int64 ("pending", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HELD] =
    g_param_spec_int64 ("held", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LAST_SYNC] =
    g_param_spec_boxed ("last-sync", NULL, NULL, G_TYPE_DATE_TIME,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LAST_ERROR] =
    g_param_spec_string ("last-error", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PROGRESS] =
    g_param_spec_double ("progress", NULL, NULL, 0.0, 1.0, 0.0,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The signed-in user's role: "administrator" until the server says. */
  properties[PROP_ROLE] =
    g_param_spec_string ("role", NULL, NULL, "administrator",
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
awp_sync_engine_init (AwpSyncEngine *self)
{
  g_mutex_init (&self->lock);
  self->context = g_main_context_ref_thread_default ();
  self->monitor = g_object_ref (g_network_monitor_get_default ());
  g_signal_connect (self->monitor, "network-changed", G_CALLBACK (network_changed), self);
  self->auto_source = add_timeout (self, AUTO_SYNC_SECONDS * 1000, auto_cb);
}
