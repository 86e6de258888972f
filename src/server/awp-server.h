#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define AWP_SERVER_ERROR (awp_server_error_quark ())
GQuark awp_server_error_quark (void);

typedef enum
{
  AWP_SERVER_ERROR_DB,
  AWP_SERVER_ERROR_CONFIG,
  AWP_SERVER_ERROR_SEED,
} AwpServerError;

#define AWP_TYPE_SERVER (awp_server_get_type ())
G_DECLARE_FINAL_TYPE (AwpServer, awp_server, AWP, SERVER, GObject)

/* @options is the configuration (see docs/api/README or awp-server --help):
 * groups [server], [auth], [sync]; NULL for the defaults. The app's training
 * mode embeds one of these in-process. */
AwpServer  *awp_server_new          (const char  *db_path,
                                     GKeyFile    *options,
                                     GError     **error);
/* Loads the deterministic demo organizations, users and records, dated
 * around the configured [seed] date or else the fixed day 2 March 2026. */
gboolean    awp_server_seed_demo    (AwpServer   *server,
                                     GError     **error);
/* The same demo world dated in the weeks before @anchor_date (training
 * uses today): open requests a few overdue, some due today and tomorrow,
 * most running; meetings and conferences ahead. Same anchor, same data. */
gboolean    awp_server_seed_demo_at (AwpServer   *server,
                                     const GDate *anchor_date,
                                     GError     **error);
/* A training server holds demo data only: GET /api/v1/health says
 * "training": true, and a workstation in training mode joins no other
 * (docs/training.md). Seeding the demo world sets it. */
void        awp_server_set_training (AwpServer   *server,
                                     gboolean     training);
gboolean    awp_server_get_training (AwpServer   *server);
/* The demo world's users (docs/training.md), every one with the password
 * AWP_SERVER_DEMO_PASSWORD; role is the API's ("administrator",
 * "operator", "authorized_body", "trainer"). */
#define AWP_SERVER_DEMO_PASSWORD "demo-2026"
typedef struct
{
  const char *username;
  const char *role;
  const char *org_id;
  const char *full_name;
} AwpServerDemoUser;

const AwpServerDemoUser *awp_server_demo_users    (guint      *n_users);
/* The demo organization's name in "kk" or else Russian; NULL if unknown. */
const char              *awp_server_demo_org_name (const char *org_id,
                                                   const char *lang);
/* Adds @count generated blog requests (scale data). */
gboolean    awp_server_seed_requests (AwpServer  *server,
                                      guint       count,
                                      GError    **error);
/* Serves HTTPS from now on; before listening. */
gboolean    awp_server_set_tls      (AwpServer   *server,
                                     const char  *cert_file,
                                     const char  *key_file,
                                     GError     **error);
gboolean    awp_server_listen_local (AwpServer   *server,
                                     guint        port,
                                     GError     **error);
gboolean    awp_server_listen_all   (AwpServer   *server,
                                     guint        port,
                                     GError     **error);
/* The base URI, e.g. "http://127.0.0.1:41234/"; NULL before listening. */
char       *awp_server_get_uri      (AwpServer   *server);
/* Every listening URI (loopback and all interfaces alike). */
GStrv       awp_server_dup_uris     (AwpServer   *server);
/* Stops accepting connections (graceful shutdown). */
void        awp_server_disconnect   (AwpServer   *server);

G_END_DECLS
