#include "config.h"

#include <arpa/inet.h>
#include <ifaddrs.h>
#include <net/if.h>
#include <netinet/in.h>
#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <libsoup/soup.h>
#include <json-glib/json-glib.h>

#include "awp-server.h"
#include "awp-training.h"

G_DEFINE_QUARK (awp-training-error-quark, awp_training_error)

struct _AwpTraining
{
  GObject parent_instance;

  /* Owned References */
  char          *dir;       /* a private temporary folder for the files */
  char          *store_path;
  AwpServer     *server;    /* NULL on a joined workstation */
  char          *url;       /* the server the training store syncs with */
  AwpSyncEngine *engine;
  char          *username;  /* the demo user signed in */
  char          *problem;   /* why joining failed, or NULL */
  gboolean       joined;    /* the server is another workstation's classroom */
  guint          shared_port;
  guint          serial;    /* a fresh store file per user switch */
  gboolean       signs_in;  /* the engine signs in (the server is known to be a training one) */
  gboolean       resigned;  /* signed in again since the last good sync */
};

G_DEFINE_FINAL_TYPE (AwpTraining, awp_training, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_ENGINE,
  PROP_USERNAME,
  PROP_SHARED_PORT,
  PROP_PROBLEM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

gboolean
awp_training_is_demo_user (const char  *username,
                           const char **role)
{
  guint n;
  const AwpServerDemoUser *users = awp_server_demo_users (&n);

  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (users[i].username, username) == 0)
      {
        if (role != NULL)
          *role = users[i].role;
        return TRUE;
      }
  return FALSE;
}

static void
remove_files (const char *dir)
{
  g_autoptr(GDir) d = dir ? g_dir_open (dir, 0, NULL) : NULL;
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *p = g_build_filename (dir, name, NULL);

      g_remove (p);
    }
}

static void
set_problem (AwpTraining *self,
             const char  *problem)
{
  if (g_strcmp0 (self->problem, problem) == 0)
    return;
  g_free (self->problem);
  self->problem = g_strdup (problem);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROBLEM]);
}

static void
stop_server (AwpTraining *self)
{
  if (self->server != NULL)
    awp_server_disconnect (self->server);
  g_clear_object (&self->server);
}

static void
signed_in (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  /* The engine shows a failure as its last-error. */
  if (!awp_sync_engine_sign_in_finish (AWP_SYNC_ENGINE (source), result, &error))
    g_debug ("Training sign-in failed: %s", error->message);
}

static void
rejoined (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!awp_training_join_finish (AWP_TRAINING (source), result, &error))
    set_problem (AWP_TRAINING (source), error->message);
}

/* The trainer's reset starts the shared server over: its new database knows
 * no session and its records start again, so a trainee's sync ends "sign in
 * again" and its store holds a world that is gone. Training joins again:
 * the classroom checked, the demo user signed in, a fresh store downloaded.
 * Once until a sync goes through, so another failure stays for a person. */
static void
on_engine_state (AwpTraining   *self,
                 GParamSpec    *pspec,
                 AwpSyncEngine *engine)
{
  AwpSyncState state = awp_sync_engine_get_state (engine);

  if (engine != self->engine || !self->signs_in)
    return;
  if (state == AWP_SYNC_STATE_ONLINE)
    self->resigned = FALSE;
  else if (state == AWP_SYNC_STATE_ERROR && awp_sync_engine_get_session_ended (engine) && !self->resigned)
    {
      self->resigned = TRUE;
      if (self->joined)
        awp_training_join_async (self, NULL, self->username, NULL, rejoined, NULL);
      else
        awp_sync_engine_sign_in_async (engine, AWP_TRAINING_PASSWORD, NULL, signed_in, NULL);
    }
}

/* A fresh training store for the current user, synced with self->url. */
static void
start_client (AwpTraining *self,
              gboolean     sign_in)
{
  g_autofree char *name = g_strdup_printf ("training-store-%u.db", ++self->serial);

  g_clear_object (&self->engine);
  g_free (self->store_path);
  self->store_path = g_build_filename (self->dir, name, NULL);
  self->engine = awp_sync_engine_new (self->store_path, self->url, self->username);
  awp_sync_engine_set_use_keyring (self->engine, FALSE);
  self->signs_in = sign_in;
  g_signal_connect_object (self->engine, "notify::state", G_CALLBACK (on_engine_state), self, G_CONNECT_SWAPPED);
  if (sign_in)
    awp_sync_engine_sign_in_async (self->engine, AWP_TRAINING_PASSWORD, NULL, signed_in, NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENGINE]);
}

static gboolean listen_classroom (AwpTraining *self, guint port, GError **error);

/* The in-process server, seeded and listening on loopback (and on the
 * classroom port again after a reset). */
static gboolean
start_server (AwpTraining  *self,
              GError      **error)
{
  g_autofree char *db = g_build_filename (self->dir, "training-server.db", NULL);
  g_autoptr(GKeyFile) options = g_key_file_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GDate today;

  /* No request lines on the terminal during a class. */
  g_key_file_set_boolean (options, "server", "log-requests", FALSE);
  self->server = awp_server_new (db, options, error);
  if (self->server == NULL)
    return FALSE;
  /* A class needs a queue that looks like today's: dated before today, a
   * few overdue, most running (docs/training.md). When today cannot anchor
   * it (a clock set before the rules were in force), the fixed demo day does. */
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
  {
    g_autoptr(GError) local_error = NULL;

    if (!awp_server_seed_demo_at (self->server, &today, &local_error))
      {
        g_debug ("Training data for today failed, using the fixed demo day: %s", local_error->message);
        if (!awp_server_seed_demo (self->server, error))
          return FALSE;
      }
  }
  /* Demo data only: the health answer says so (awp_server_set_training). */
  awp_server_set_training (self->server, TRUE);
  if (!awp_server_listen_local (self->server, 0, error))
    return FALSE;
  g_free (self->url);
  self->url = awp_server_get_uri (self->server);
  if (self->shared_port != 0)
    {
      g_autoptr(GError) share_error = NULL;

      if (!listen_classroom (self, self->shared_port, &share_error))
        {
          g_warning ("The classroom is no longer shared: %s", share_error->message);
          self->shared_port = 0;
          g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHARED_PORT]);
        }
    }
  return TRUE;
}

AwpTraining *
awp_training_new (GError **error)
{
  return awp_training_new_for_user (NULL, error);
}

static AwpTraining *
training_new (const char  *username,
              GError     **error)
{
  g_autoptr(AwpTraining) self = g_object_new (AWP_TYPE_TRAINING, NULL);

  if (username != NULL && username[0] != '\0' && !awp_training_is_demo_user (username, NULL))
    {
      g_set_error (error, AWP_TRAINING_ERROR, AWP_TRAINING_ERROR_USER,
                   _("Demo user: “%s” is not one of the demo users (see docs/training.md)"), username);
      return NULL;
    }
  self->username = g_strdup (username != NULL && username[0] != '\0' ? username : AWP_TRAINING_USER);
  self->dir = g_dir_make_tmp ("awp-training-XXXXXX", error);
  if (self->dir == NULL)
    return NULL;
  return g_steal_pointer (&self);
}

AwpTraining *
awp_training_new_for_user (const char  *username,
                           GError     **error)
{
  g_autoptr(AwpTraining) self = training_new (username, error);

  if (self == NULL || !start_server (self, error))
    return NULL;
  start_client (self, TRUE);
  return g_steal_pointer (&self);
}

/* "192.168.1.20:8145" or "http://…/": an http(s) URL with a host and no
 * path beyond "/". NULL with an error naming the field otherwise. */
char *
awp_training_normalize_url (const char  *text,
                            GError     **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text != NULL ? text : ""));
  g_autofree char *full = NULL;
  g_autoptr(GUri) uri = NULL;
  const char *scheme, *path;

  if (trimmed[0] == '\0')
    {
      g_set_error (error, AWP_TRAINING_ERROR, AWP_TRAINING_ERROR_ADDRESS,
                   _("Server address: required, e.g. http://192.168.1.20:%u"), AWP_CLASSROOM_PORT);
      return NULL;
    }
  full = strstr (trimmed, "://") != NULL ? g_strdup (trimmed) : g_strconcat ("http://", trimmed, NULL);
  uri = g_uri_parse (full, G_URI_FLAGS_NONE, NULL);
  scheme = uri != NULL ? g_uri_get_scheme (uri) : NULL;
  path = uri != NULL ? g_uri_get_path (uri) : NULL;
  if (uri == NULL || (g_strcmp0 (scheme, "http") != 0 && g_strcmp0 (scheme, "https") != 0)
      || g_uri_get_host (uri) == NULL || g_uri_get_host (uri)[0] == '\0'
      || (path != NULL && path[0] != '\0' && !g_str_equal (path, "/"))
      || g_uri_get_query (uri) != NULL || g_uri_get_userinfo (uri) != NULL)
    {
      g_set_error (error, AWP_TRAINING_ERROR, AWP_TRAINING_ERROR_ADDRESS,
                   _("Server address: “%s” is not an address like http://192.168.1.20:%u"),
                   trimmed, AWP_CLASSROOM_PORT);
      return NULL;
    }
  return g_uri_join (G_URI_FLAGS_NONE, scheme, NULL, g_uri_get_host (uri), g_uri_get_port (uri), "/", NULL, NULL);
}

/* ---- joining: the server must say it is a training server ---------- */

typedef struct
{
  char *url;
  char *username;
} Join;

static void
join_free (Join *j)
{
  g_free (j->url);
  g_free (j->username);
  g_free (j);
}

/* GET /api/v1/health must answer "training": true: a workstation in
 * training mode never sends demo sign-ins or demo data to a real server. */
static gboolean
check_training_server (const char    *url,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_autoptr(SoupSession) session = soup_session_new_with_options ("timeout", 5, "user-agent",
                                                                  "awp/" PACKAGE_VERSION, NULL);
  g_autofree char *health = g_strconcat (url, "api/v1/health", NULL);
  g_autoptr(SoupMessage) msg = soup_message_new ("GET", health);
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root;

  if (msg == NULL)
    {
      g_set_error (error, AWP_TRAINING_ERROR, AWP_TRAINING_ERROR_ADDRESS,
                   _("Server address: “%s” is not an address like http://192.168.1.20:%u"), url, AWP_CLASSROOM_PORT);
      return FALSE;
    }
  body = soup_session_send_and_read (session, msg, cancellable, &local_error);
  if (body == NULL)
    {
      g_set_error (error, AWP_TRAINING_ERROR, AWP_TRAINING_ERROR_ADDRESS,
                   _("Server address: no answer from %s (%s)"), url, local_error->message);
      return FALSE;
    }
  root = soup_message_get_status (msg) == SOUP_STATUS_OK
         && json_parser_load_from_data (parser, g_bytes_get_data (body, NULL), (gssize) g_bytes_get_size (body), NULL)
         ? json_parser_get_root (parser) : NULL;
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root)
      || !json_object_has_member (json_node_get_object (root), "status"))
    {
      g_set_error (error, AWP_TRAINING_ERROR, AWP_TRAINING_ERROR_ADDRESS,
                   _("Server address: %s is not an open dialogue server"), url);
      return FALSE;
    }
  if (!json_object_get_boolean_member_with_default (json_node_get_object (root), "training", FALSE))
    {
      g_set_error (error, AWP_TRAINING_ERROR, AWP_TRAINING_ERROR_ADDRESS,
                   _("Server address: %s is not a training server. Training joins only a classroom: "
                     "a trainer’s workstation sharing its training server, or awp-server --seed demo"), url);
      return FALSE;
    }
  return TRUE;
}

static void
join_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Join *j = task_data;
  g_autoptr(GError) error = NULL;
  AwpSync *sync;

  if (!check_training_server (j->url, cancellable, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  /* The real sign-in with the demo password, before anything changes. */
  sync = awp_sync_new (j->url, j->username);
  awp_sync_set_use_keyring (sync, FALSE);
  awp_sync_set_timeout (sync, 5);
  if (!awp_sync_sign_in (sync, AWP_TRAINING_PASSWORD, cancellable, &error))
    {
      g_task_return_new_error (task, AWP_TRAINING_ERROR, AWP_TRAINING_ERROR_USER,
                               _("Demo user: %s could not sign in to %s: %s"), j->username, j->url, error->message);
      awp_sync_free (sync);
      return;
    }
  awp_sync_sign_out (sync, cancellable, NULL);
  awp_sync_free (sync);
  g_task_return_boolean (task, TRUE);
}

static void
join_checked (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  AwpTraining *self = AWP_TRAINING (source);
  GTask *outer = user_data;
  Join *j = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_task_return_error (outer, g_steal_pointer (&error));
      g_object_unref (outer);
      return;
    }
  /* Another workstation's classroom: this one's own server stops. */
  if (g_strcmp0 (j->url, self->url) != 0)
    {
      if (self->server != NULL && self->shared_port != 0)
        {
          self->shared_port = 0;
          g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHARED_PORT]);
        }
      stop_server (self);
      g_free (self->url);
      self->url = g_strdup (j->url);
      self->joined = TRUE;
    }
  if (g_strcmp0 (self->username, j->username) != 0)
    {
      g_free (self->username);
      self->username = g_strdup (j->username);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_USERNAME]);
    }
  set_problem (self, NULL);
  start_client (self, TRUE);
  g_task_return_boolean (outer, TRUE);
  g_object_unref (outer);
}

static guint port_of (const char *uri_text);

static gboolean
is_own_classroom (AwpTraining *self,
                  const char  *url)
{
  g_autoptr(GUri) uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  g_auto(GStrv) addresses = NULL;
  const char *host;

  if (self->server == NULL || self->shared_port == 0 || uri == NULL || port_of (url) != self->shared_port)
    return FALSE;
  host = g_uri_get_host (uri);
  if (g_strcmp0 (host, "127.0.0.1") == 0 || g_strcmp0 (host, "localhost") == 0)
    return TRUE;
  addresses = awp_training_dup_classroom_addresses (self);
  for (guint i = 0; addresses[i] != NULL; i++)
    {
      g_autofree char *own = g_strconcat (addresses[i], "/", NULL);

      if (g_str_equal (own, url))
        return TRUE;
    }
  return FALSE;
}

void
awp_training_join_async (AwpTraining         *self,
                         const char          *url,
                         const char          *username,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) inner = NULL;
  g_autoptr(GError) error = NULL;
  GTask *outer;
  Join *j;

  g_return_if_fail (AWP_IS_TRAINING (self));

  outer = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (outer, awp_training_join_async);
  j = g_new0 (Join, 1);
  j->url = url != NULL ? awp_training_normalize_url (url, &error) : g_strdup (self->url);
  if (j->url == NULL)
    {
      join_free (j);
      g_task_return_error (outer, g_steal_pointer (&error));
      g_object_unref (outer);
      return;
    }
  /* The trainer's own classroom address is this workstation's own server:
   * a user switch, not a join that would stop the server it names. */
  if (is_own_classroom (self, j->url))
    {
      g_free (j->url);
      j->url = g_strdup (self->url);
    }
  if (!awp_training_is_demo_user (username, NULL))
    {
      join_free (j);
      g_task_return_new_error (outer, AWP_TRAINING_ERROR, AWP_TRAINING_ERROR_USER,
                               _("Demo user: choose one of the demo users"));
      g_object_unref (outer);
      return;
    }
  j->username = g_strdup (username);
  inner = g_task_new (self, cancellable, join_checked, outer);
  g_task_set_source_tag (inner, awp_training_join_async);
  g_task_set_task_data (inner, j, (GDestroyNotify) join_free);
  g_task_run_in_thread (inner, join_thread);
}

gboolean
awp_training_join_finish (AwpTraining   *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
joined_at_start (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!awp_training_join_finish (AWP_TRAINING (source), result, &error))
    {
      g_printerr ("awp: %s\n", error->message);
      set_problem (AWP_TRAINING (source), error->message);
    }
}

AwpTraining *
awp_training_new_joined (const char  *url,
                         const char  *username,
                         GError     **error)
{
  g_autoptr(AwpTraining) self = training_new (username, error);

  if (self == NULL)
    return NULL;
  self->url = awp_training_normalize_url (url, error);
  if (self->url == NULL)
    return NULL;
  self->joined = TRUE;
  /* A store to show at once; it is replaced by a signed-in one when the
   * server has said it is a training server. */
  start_client (self, FALSE);
  awp_training_join_async (self, self->url, self->username, NULL, joined_at_start, NULL);
  return g_steal_pointer (&self);
}

/* ---- sharing the classroom ----------------------------------------- */

static guint
port_of (const char *uri_text)
{
  g_autoptr(GUri) uri = g_uri_parse (uri_text, G_URI_FLAGS_NONE, NULL);

  return uri != NULL && g_uri_get_port (uri) > 0 ? (guint) g_uri_get_port (uri) : 0;
}

static gboolean
listen_classroom (AwpTraining  *self,
                  guint         port,
                  GError      **error)
{
  guint local = port_of (self->url);
  g_auto(GStrv) uris = NULL;

  if (!awp_server_listen_all (self->server, port, error))
    return FALSE;
  if (port != 0)
    {
      self->shared_port = port;
      return TRUE;
    }
  /* Port 0: the one picked is the listener that is not the loopback one. */
  uris = awp_server_dup_uris (self->server);
  for (guint i = 0; uris[i] != NULL && self->shared_port == 0; i++)
    if (port_of (uris[i]) != local)
      self->shared_port = port_of (uris[i]);
  return TRUE;
}

gboolean
awp_training_share (AwpTraining  *self,
                    guint         port,
                    GError      **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (AWP_IS_TRAINING (self), FALSE);

  if (self->server == NULL)
    {
      g_set_error (error, AWP_TRAINING_ERROR, AWP_TRAINING_ERROR_NOT_HOST,
                   _("This workstation has joined a classroom; only the trainer’s workstation shares it"));
      return FALSE;
    }
  if (self->shared_port != 0)
    return TRUE;
  if (port != 0)
    {
      if (!listen_classroom (self, port, error))
        return FALSE;
    }
  else
    {
      gboolean ok = FALSE;

      /* The usual port, else one of the next few, else any free one. */
      for (guint p = AWP_CLASSROOM_PORT; p < AWP_CLASSROOM_PORT + AWP_CLASSROOM_PORTS && !ok; p++)
        {
          g_clear_error (&local_error);
          ok = listen_classroom (self, p, &local_error);
        }
      if (!ok && !listen_classroom (self, 0, error))
        return FALSE;
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHARED_PORT]);
  return TRUE;
}

gboolean
awp_training_stop_sharing (AwpTraining  *self,
                           GError      **error)
{
  g_return_val_if_fail (AWP_IS_TRAINING (self), FALSE);

  if (self->server == NULL || self->shared_port == 0)
    return TRUE;
  /* libsoup stops every listener at once: loopback comes back on the
   * same port, so this workstation's engine keeps its address. */
  awp_server_disconnect (self->server);
  self->shared_port = 0;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHARED_PORT]);
  return awp_server_listen_local (self->server, port_of (self->url), error);
}

guint
awp_training_get_shared_port (AwpTraining *self)
{
  g_return_val_if_fail (AWP_IS_TRAINING (self), 0);
  return self->shared_port;
}

GStrv
awp_training_dup_classroom_addresses (AwpTraining *self)
{
  g_autoptr(GStrvBuilder) b = g_strv_builder_new ();
  struct ifaddrs *ifs = NULL;
  guint n = 0;

  g_return_val_if_fail (AWP_IS_TRAINING (self), NULL);

  if (self->shared_port == 0)
    return g_strv_builder_end (b);
  if (getifaddrs (&ifs) == 0)
    {
      for (struct ifaddrs *i = ifs; i != NULL; i = i->ifa_next)
        {
          char host[INET_ADDRSTRLEN];
          struct sockaddr_in in4;
          g_autofree char *address = NULL;

          if (i->ifa_addr == NULL || i->ifa_addr->sa_family != AF_INET
              || (i->ifa_flags & IFF_UP) == 0 || (i->ifa_flags & IFF_LOOPBACK) != 0)
            continue;
          memcpy (&in4, i->ifa_addr, sizeof in4);  /* no alignment assumed */
          if (inet_ntop (AF_INET, &in4.sin_addr, host, sizeof host) == NULL)
            continue;
          address = g_strdup_printf ("http://%s:%u", host, self->shared_port);
          g_strv_builder_add (b, address);
          n++;
        }
      freeifaddrs (ifs);
    }
  /* No network address to show: the computer's name may do. */
  if (n == 0)
    {
      g_autofree char *address = g_strdup_printf ("http://%s:%u", g_get_host_name (), self->shared_port);

      g_strv_builder_add (b, address);
    }
  return g_strv_builder_end (b);
}

/* ---- the rest ------------------------------------------------------ */

gboolean
awp_training_reset (AwpTraining  *self,
                    GError      **error)
{
  g_return_val_if_fail (AWP_IS_TRAINING (self), FALSE);

  g_clear_object (&self->engine);
  if (self->joined)
    {
      /* The classroom's server is the trainer's: only the local store. */
      remove_files (self->dir);
      start_client (self, TRUE);
      return TRUE;
    }
  stop_server (self);
  remove_files (self->dir);
  if (!start_server (self, error))
    return FALSE;
  start_client (self, TRUE);
  return TRUE;
}

const char *
awp_training_get_username (AwpTraining *self)
{
  g_return_val_if_fail (AWP_IS_TRAINING (self), NULL);
  return self->username;
}

gboolean
awp_training_set_server_online (AwpTraining  *self,
                                gboolean      online,
                                GError      **error)
{
  g_autoptr(GUri) uri = NULL;

  g_return_val_if_fail (AWP_IS_TRAINING (self), FALSE);
  g_return_val_if_fail (self->server != NULL, FALSE);

  if (!online)
    {
      awp_server_disconnect (self->server);
      return TRUE;
    }
  /* The engine knows the old address: listen on the same port. */
  uri = g_uri_parse (self->url, G_URI_FLAGS_NONE, error);
  return uri != NULL && awp_server_listen_local (self->server, (guint) g_uri_get_port (uri), error);
}

AwpSyncEngine *
awp_training_get_engine (AwpTraining *self)
{
  g_return_val_if_fail (AWP_IS_TRAINING (self), NULL);
  return self->engine;
}

const char *
awp_training_get_url (AwpTraining *self)
{
  g_return_val_if_fail (AWP_IS_TRAINING (self), NULL);
  return self->url;
}

const char *
awp_training_get_store_path (AwpTraining *self)
{
  g_return_val_if_fail (AWP_IS_TRAINING (self), NULL);
  return self->store_path;
}

gboolean
awp_training_is_joined (AwpTraining *self)
{
  g_return_val_if_fail (AWP_IS_TRAINING (self), FALSE);
  return self->joined;
}

const char *
awp_training_get_problem (AwpTraining *self)
{
  g_return_val_if_fail (AWP_IS_TRAINING (self), NULL);
  return self->problem;
}

static void
awp_training_finalize (GObject *object)
{
  AwpTraining *self = AWP_TRAINING (object);

  g_clear_object (&self->engine);
  stop_server (self);
  remove_files (self->dir);
  if (self->dir != NULL)
    g_rmdir (self->dir);
  g_free (self->dir);
  g_free (self->store_path);
  g_free (self->url);
  g_free (self->username);
  g_free (self->problem);
  G_OBJECT_CLASS (awp_training_parent_class)->finalize (object);
}

static void
awp_training_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  AwpTraining *self = AWP_TRAINING (object);

  switch (prop_id)
    {
    case PROP_ENGINE:
      g_value_set_object (value, self->engine);
      break;
    case PROP_USERNAME:
      g_value_set_string (value, self->username);
      break;
    case PROP_SHARED_PORT:
      g_value_set_uint (value, self->shared_port);
      break;
    case PROP_PROBLEM:
      g_value_set_string (value, self->problem);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
awp_training_class_init (AwpTrainingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = awp_training_finalize;
  object_class->get_property = awp_training_get_property;

  properties[PROP_ENGINE] =
    g_param_spec_object ("engine", NULL, NULL, AWP_TYPE_SYNC_ENGINE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_USERNAME] =
    g_param_spec_string ("username", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHARED_PORT] =
    g_param_spec_uint ("shared-port", NULL, NULL, 0, G_MAXUINT16, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PROBLEM] =
    g_param_spec_string ("problem", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
awp_training_init (AwpTraining *self)
{
}
