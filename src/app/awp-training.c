#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "awp-server.h"
#include "awp-training.h"

struct _AwpTraining
{
  GObject parent_instance;

  /* Owned References */
  char          *dir;       /* a private temporary folder for both files */
  char          *store_path;
  AwpServer     *server;
  char          *url;
  AwpSyncEngine *engine;
  char          *username;  /* the demo user signed in */
};

G_DEFINE_FINAL_TYPE (AwpTraining, awp_training, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_ENGINE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

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
stop (AwpTraining *self)
{
  g_clear_object (&self->engine);
  if (self->server != NULL)
    awp_server_disconnect (self->server);
  g_clear_object (&self->server);
  g_clear_pointer (&self->url, g_free);
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

static gboolean
start (AwpTraining  *self,
       GError      **error)
{
  g_autofree char *db = g_build_filename (self->dir, "training-server.db", NULL);
  g_autofree char *store = g_build_filename (self->dir, "training-store.db", NULL);
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
  if (!awp_server_listen_local (self->server, 0, error))
    return FALSE;
  self->url = awp_server_get_uri (self->server);
  g_free (self->store_path);
  self->store_path = g_strdup (store);
  self->engine = awp_sync_engine_new (store, self->url, self->username);
  awp_sync_engine_set_use_keyring (self->engine, FALSE);
  awp_sync_engine_sign_in_async (self->engine, AWP_TRAINING_PASSWORD, NULL, signed_in, NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENGINE]);
  return TRUE;
}

AwpTraining *
awp_training_new (GError **error)
{
  return awp_training_new_for_user (NULL, error);
}

const char *
awp_training_get_username (AwpTraining *self)
{
  g_return_val_if_fail (AWP_IS_TRAINING (self), NULL);
  return self->username;
}

AwpTraining *
awp_training_new_for_user (const char  *username,
                           GError     **error)
{
  g_autoptr(AwpTraining) self = g_object_new (AWP_TYPE_TRAINING, NULL);

  self->username = g_strdup (username != NULL && username[0] != '\0' ? username : AWP_TRAINING_USER);

  self->dir = g_dir_make_tmp ("awp-training-XXXXXX", error);
  if (self->dir == NULL || !start (self, error))
    return NULL;
  return g_steal_pointer (&self);
}

gboolean
awp_training_reset (AwpTraining  *self,
                    GError      **error)
{
  g_return_val_if_fail (AWP_IS_TRAINING (self), FALSE);

  stop (self);
  remove_files (self->dir);
  return start (self, error);
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

static void
awp_training_finalize (GObject *object)
{
  AwpTraining *self = AWP_TRAINING (object);

  stop (self);
  remove_files (self->dir);
  if (self->dir != NULL)
    g_rmdir (self->dir);
  g_free (self->dir);
  g_free (self->store_path);
  g_free (self->username);
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
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
awp_training_init (AwpTraining *self)
{
}
