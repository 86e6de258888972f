#include "config.h"

#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "awp-sync.h"
#include "awpctl-commands.h"

/* awpctl sync --server URL --user U [--db FILE] [--no-keyring] [--timeout S]
 * [--batch N] [--ca-file PEM]: one sync cycle for scripts, tests and
 * administrators. HTTPS certificates are checked against the system's CAs,
 * or only against those in --ca-file (a private CA, or the server's own
 * self-signed certificate). The
 * sign-in comes from the keyring; when there is none (or it has ended) the
 * password is asked on the terminal without echo, or read as one line from
 * standard input when that is not a terminal. */

#define SYNC_USAGE "--server URL --user U [--db FILE] [--no-keyring] [--timeout S] [--batch N] [--ca-file PEM]"

static char *
read_password (const char *user)
{
  char buf[1024];
  gboolean tty = isatty (STDIN_FILENO);
  struct termios old, quiet;
  char *nl;

  if (tty)
    {
      /* TRANSLATORS: the prompt for a password; %s is the user name. */
      g_printerr (_("Password for %s: "), user);
      tcgetattr (STDIN_FILENO, &old);
      quiet = old;
      quiet.c_lflag &= ~(tcflag_t) ECHO;
      tcsetattr (STDIN_FILENO, TCSAFLUSH, &quiet);
    }
  if (fgets (buf, sizeof buf, stdin) == NULL)
    buf[0] = '\0';
  if (tty)
    {
      tcsetattr (STDIN_FILENO, TCSAFLUSH, &old);
      g_printerr ("\n");
    }
  nl = strchr (buf, '\n');
  if (nl != NULL)
    *nl = '\0';
  {
    char *out = g_strdup (buf);

    memset (buf, 0, sizeof buf);
    return out;
  }
}

static gboolean
sign_in (AwpSync     *sync,
         const char  *user,
         GError     **error)
{
  g_autofree char *password = read_password (user);
  gboolean ok;

  if (*password == '\0')
    {
      g_set_error (error, AWP_SYNC_ERROR, AWP_SYNC_ERROR_UNAUTHORIZED, _("No password given"));
      return FALSE;
    }
  ok = awp_sync_sign_in (sync, password, NULL, error);
  memset (password, 0, strlen (password));
  return ok;
}

int
awpctl_cmd_sync (int    argc,
                 char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AwpStore) store = NULL;
  g_autoptr(AwpSync) sync = NULL;
  g_autofree char *db = NULL;
  const char *server = NULL, *user = NULL, *ca_file = NULL;
  gboolean keyring = TRUE;
  guint64 timeout = 30, batch = 500;
  AwpSyncStats stats = { 0 };
  gboolean ok;

  for (int i = 1; i < argc; i++)
    {
      const char *opt = argv[i];
      const char *val = i + 1 < argc ? argv[i + 1] : NULL;

      if (g_str_equal (opt, "--no-keyring"))
        {
          keyring = FALSE;
          continue;
        }
      if (val == NULL)
        return awpctl_usage_error (argv[0], SYNC_USAGE);
      if (g_str_equal (opt, "--server"))
        server = val;
      else if (g_str_equal (opt, "--user"))
        user = val;
      else if (g_str_equal (opt, "--db"))
        db = g_strdup (val);
      else if (g_str_equal (opt, "--ca-file"))
        ca_file = val;
      else if (g_str_equal (opt, "--timeout") || g_str_equal (opt, "--batch"))
        {
          if (!g_ascii_string_to_unsigned (val, 10, 1, g_str_equal (opt, "--batch") ? 1000 : 3600,
                                           g_str_equal (opt, "--batch") ? &batch : &timeout, &error))
            {
              g_printerr ("awpctl: %s: %s\n", opt, error->message);
              return awpctl_usage_error (argv[0], SYNC_USAGE);
            }
        }
      else
        return awpctl_usage_error (argv[0], SYNC_USAGE);
      i++;
    }
  if (server == NULL || user == NULL)
    return awpctl_usage_error (argv[0], SYNC_USAGE);
  if (db == NULL)
    db = awp_sync_default_store_path ();

  store = awp_store_open (db, &error);
  if (store == NULL)
    {
      g_printerr ("awpctl: %s\n", error->message);
      return 1;
    }
  sync = awp_sync_new (server, user);
  awp_sync_set_use_keyring (sync, keyring);
  awp_sync_set_timeout (sync, (guint) timeout);
  awp_sync_set_batch_size (sync, (guint) batch);
  if (ca_file != NULL && !awp_sync_set_tls_ca_file (sync, ca_file, &error))
    {
      g_printerr ("awpctl: --ca-file: %s\n", error->message);
      return 2;
    }

  ok = awp_sync_has_tokens (sync, NULL, &error);
  if (!ok && g_error_matches (error, AWP_SYNC_ERROR, AWP_SYNC_ERROR_UNAUTHORIZED))
    {
      g_clear_error (&error);
      ok = sign_in (sync, user, &error);
    }
  if (ok)
    {
      ok = awp_sync_run (sync, store, &stats, NULL, NULL, NULL, &error);
      /* A kept sign-in that the server no longer takes: ask once. */
      if (!ok && keyring && g_error_matches (error, AWP_SYNC_ERROR, AWP_SYNC_ERROR_UNAUTHORIZED))
        {
          g_clear_error (&error);
          ok = sign_in (sync, user, &error)
               && awp_sync_run (sync, store, &stats, NULL, NULL, NULL, &error);
        }
    }
  /* Figures are printed even after a failure: what was done stays done. */
  g_print ("pushed %u applied %u conflicts %u rejected %u pulled %u\n",
           stats.pushed, stats.applied, stats.conflicts, stats.rejected, stats.pulled);
  if (!ok)
    {
      g_printerr ("awpctl: %s\n", error->message);
      return 1;
    }
  return 0;
}
