#include "config.h"

#include <signal.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include "awp-sync-engine.h"
#include "awp-test-store.h"

/* The app's sync engine over HTTPS (docs/SECURITY.md): a self-signed
 * certificate stops the sign-in with AWP_SYNC_ERROR_CERTIFICATE; the CA
 * file (the app's sync-ca-file setting) makes it work; when the server
 * then shows another certificate (an impostor at the same address), the
 * engine goes to ERROR for a person, not OFFLINE with retries.
 * tests/test-sync-tls.py covers awpctl sync --ca-file. */

static char *dir;
static char *url;
static char *cert;
static char *other;
static GPid server_pid;

static void
die_with_parent (gpointer data)
{
  prctl (PR_SET_PDEATHSIG, SIGKILL);
}

static char *
make_cert (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *subj = g_strconcat ("/CN=", name, NULL);
  g_autofree char *key_name = g_strconcat (name, "-key.pem", NULL);
  g_autofree char *cert_name = g_strconcat (name, ".pem", NULL);
  g_autofree char *key = g_build_filename (dir, key_name, NULL);
  char *path = g_build_filename (dir, cert_name, NULL);
  const char *argv[] = { "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-subj", subj,
                         "-addext", "subjectAltName=IP:127.0.0.1", "-days", "2",
                         "-keyout", key, "-out", path, NULL };
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return path;
}

static void
server_start (const char *name,
              const char *port)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *db = g_build_filename (dir, "server.db", NULL);
  g_autofree char *cert_name = g_strconcat (name, ".pem", NULL);
  g_autofree char *key_name = g_strconcat (name, "-key.pem", NULL);
  g_autofree char *crt = g_build_filename (dir, cert_name, NULL);
  g_autofree char *key = g_build_filename (dir, key_name, NULL);
  const char *exe = g_getenv ("AWP_SERVER");
  const char *argv[] = { exe, "--port", port, "--db", db, "--seed", "demo", "--tls-cert", crt, "--tls-key", key, NULL };
  char line[256];
  gsize n = 0;
  int out = -1;

  g_assert_nonnull (exe);
  g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, die_with_parent, NULL,
                            &server_pid, NULL, &out, NULL, &error);
  g_assert_no_error (error);
  while (n < sizeof line - 1 && read (out, line + n, 1) == 1 && line[n] != '\n')
    n++;
  line[n] = '\0';
  close (out);
  g_assert_true (g_str_has_prefix (line, "listening https://"));
  g_free (url);
  url = g_strdup (line + strlen ("listening "));
}

static void
server_stop (void)
{
  int status;

  kill (server_pid, SIGTERM);
  waitpid (server_pid, &status, 0);
  g_spawn_close_pid (server_pid);
}

typedef struct
{
  gboolean  done;
  GError   *error;
} Wait;

static void
signed_in (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  Wait *w = user_data;

  awp_sync_engine_sign_in_finish (AWP_SYNC_ENGINE (source), result, &w->error);
  w->done = TRUE;
}

static void
sign_in (AwpSyncEngine *engine,
         GError       **error)
{
  Wait w = { FALSE, NULL };

  awp_sync_engine_sign_in_async (engine, "demo-2026", NULL, signed_in, &w);
  while (!w.done)
    g_main_context_iteration (NULL, TRUE);
  if (w.error != NULL)
    g_propagate_error (error, w.error);
}

static void
test_engine_tls (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (dir, "awp.db", NULL);
  g_autoptr(AwpSyncEngine) strict = awp_sync_engine_new (path, url, "admin.almaty");
  g_autoptr(AwpSyncEngine) engine = awp_sync_engine_new (path, url, "admin.almaty");

  /* By default the system's CAs: the self-signed server is refused. */
  awp_sync_engine_set_use_keyring (strict, FALSE);
  sign_in (strict, &error);
  g_assert_error (error, AWP_SYNC_ERROR, AWP_SYNC_ERROR_CERTIFICATE);
  g_assert_nonnull (strstr (error->message, "not trusted"));
  g_clear_error (&error);

  /* An unreadable CA file is said so. */
  g_assert_false (awp_sync_engine_set_tls_ca_file (engine, "/nonexistent/ca.pem", &error));
  g_assert_error (error, AWP_SYNC_ERROR, AWP_SYNC_ERROR_CERTIFICATE);
  g_clear_error (&error);

  /* Trusting the server's own certificate: signed in, the first sync runs. */
  awp_sync_engine_set_use_keyring (engine, FALSE);
  g_assert_true (awp_sync_engine_set_tls_ca_file (engine, cert, &error));
  g_assert_no_error (error);
  sign_in (engine, &error);
  g_assert_no_error (error);
  while (awp_sync_engine_get_state (engine) != AWP_SYNC_STATE_ONLINE)
    g_main_context_iteration (NULL, TRUE);
  {
    AwpSyncStats stats;

    awp_sync_engine_get_stats (engine, &stats);
    g_assert_cmpuint (stats.pulled, >=, 50);
  }

  /* Another certificate at the same address: ERROR with the reason, for a
   * person (no retries). */
  {
    g_autofree char *port = g_strdup (strrchr (url, ':') + 1);

    *strchr (port, '/') = '\0';
    server_stop ();
    server_start ("awp-tls-other", port);
  }
  awp_sync_engine_sync_now (engine);
  while (awp_sync_engine_get_state (engine) == AWP_SYNC_STATE_ONLINE
         || awp_sync_engine_get_state (engine) == AWP_SYNC_STATE_SYNCING)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (awp_sync_engine_get_state (engine), ==, AWP_SYNC_STATE_ERROR);
  g_assert_nonnull (strstr (awp_sync_engine_get_last_error (engine), "not trusted"));
}

int
main (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  int rc;

  g_test_init (&argc, &argv, NULL);
  dir = g_dir_make_tmp ("awp-sync-tls-XXXXXX", &error);
  g_assert_no_error (error);
  cert = make_cert ("awp-tls-server");
  other = make_cert ("awp-tls-other");
  server_start ("awp-tls-server", "0");
  g_test_add_func ("/sync-tls/engine", test_engine_tls);
  rc = g_test_run ();
  server_stop ();
  remove_dir (dir);
  g_free (dir);
  g_free (url);
  g_free (cert);
  g_free (other);
  return rc;
}
