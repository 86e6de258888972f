#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Sign-in tokens live in the desktop keyring (Secret Service, libsecret),
 * never in SQLite or logs (DESIGN §4). Keyed by server address and user. */

#define AWP_SECRET_ERROR (awp_secret_error_quark ())
GQuark awp_secret_error_quark (void);

typedef enum
{
  AWP_SECRET_ERROR_UNAVAILABLE, /* no keyring reachable, or it refused */
  AWP_SECRET_ERROR_NOT_FOUND,   /* nothing stored for that server and user */
} AwpSecretError;

typedef enum
{
  AWP_SECRET_ACCESS_TOKEN,
  AWP_SECRET_REFRESH_TOKEN,
} AwpSecretKind;

/* Stores @secret for @server_url and @user, replacing an older one. */
gboolean  awp_secret_store  (const char     *server_url,
                             const char     *user,
                             AwpSecretKind   kind,
                             const char     *secret,
                             GCancellable   *cancellable,
                             GError        **error);
/* The stored secret (free with g_free), or NULL with NOT_FOUND / UNAVAILABLE. */
char     *awp_secret_lookup (const char     *server_url,
                             const char     *user,
                             AwpSecretKind   kind,
                             GCancellable   *cancellable,
                             GError        **error);
/* Forgets both tokens of @user at @server_url (sign out). */
gboolean  awp_secret_clear  (const char     *server_url,
                             const char     *user,
                             GCancellable   *cancellable,
                             GError        **error);

G_END_DECLS
