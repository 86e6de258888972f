#include "config.h"

#include <glib/gi18n-lib.h>
#include <libsecret/secret.h>

#include "awp-secret.h"

G_DEFINE_QUARK (awp-secret-error-quark, awp_secret_error)

static const SecretSchema *
token_schema (void)
{
  static const SecretSchema schema = {
    "kz.opendialog.Workstation.Token", SECRET_SCHEMA_NONE,
    {
      { "server", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "user", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "kind", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    }
  };

  return &schema;
}

static const char *
kind_name (AwpSecretKind kind)
{
  return kind == AWP_SECRET_REFRESH_TOKEN ? "refresh" : "access";
}

/* libsecret's errors speak of D-Bus; the user needs to know that sign-in
 * cannot be remembered and why nothing else will hold the token. */
static void
propagate_unavailable (GError **error,
                       GError  *cause)
{
  g_set_error (error, AWP_SECRET_ERROR, AWP_SECRET_ERROR_UNAVAILABLE,
               _("Keyring: not available (%s). Sign-in tokens are kept only in the keyring, "
                 "so you will have to sign in again after every start."),
               cause->message);
  g_error_free (cause);
}

gboolean
awp_secret_store (const char     *server_url,
                  const char     *user,
                  AwpSecretKind   kind,
                  const char     *secret,
                  GCancellable   *cancellable,
                  GError        **error)
{
  g_autofree char *label = NULL;
  GError *local_error = NULL;

  g_return_val_if_fail (server_url != NULL && user != NULL && secret != NULL, FALSE);

  /* Translators: the keyring item's label; %s are the user and the server */
  label = g_strdup_printf (_("Open dialogue sign-in of %s at %s"), user, server_url);
  if (!secret_password_store_sync (token_schema (), SECRET_COLLECTION_DEFAULT, label, secret,
                                   cancellable, &local_error,
                                   "server", server_url, "user", user, "kind", kind_name (kind),
                                   NULL))
    {
      propagate_unavailable (error, local_error);
      return FALSE;
    }

  return TRUE;
}

char *
awp_secret_lookup (const char     *server_url,
                   const char     *user,
                   AwpSecretKind   kind,
                   GCancellable   *cancellable,
                   GError        **error)
{
  GError *local_error = NULL;
  char *secret;

  g_return_val_if_fail (server_url != NULL && user != NULL, NULL);

  secret = secret_password_lookup_sync (token_schema (), cancellable, &local_error,
                                        "server", server_url, "user", user,
                                        "kind", kind_name (kind), NULL);
  if (local_error != NULL)
    {
      propagate_unavailable (error, local_error);
      return NULL;
    }
  if (secret == NULL)
    {
      g_set_error (error, AWP_SECRET_ERROR, AWP_SECRET_ERROR_NOT_FOUND,
                   _("Keyring: no sign-in stored for %s at %s"), user, server_url);
      return NULL;
    }

  /* Hand out ordinary memory: callers free with g_free. */
  {
    char *copy = g_strdup (secret);

    secret_password_free (secret);
    return copy;
  }
}

gboolean
awp_secret_clear (const char    *server_url,
                  const char    *user,
                  GCancellable  *cancellable,
                  GError       **error)
{
  GError *local_error = NULL;

  g_return_val_if_fail (server_url != NULL && user != NULL, FALSE);

  secret_password_clear_sync (token_schema (), cancellable, &local_error,
                              "server", server_url, "user", user, NULL);
  if (local_error != NULL)
    {
      propagate_unavailable (error, local_error);
      return FALSE;
    }

  return TRUE;
}
