#include "config.h"

#include <stdio.h>

#include <glib-unix.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "awp-calendar.h"
#include "awp-i18n.h"
#include "awp-server.h"

/* The reference central server: options, then AwpServer does the rest. */

static gboolean
quit_on_signal (gpointer user_data)
{
  g_main_loop_quit (user_data);
  return G_SOURCE_REMOVE;
}

static int
fail (const char *what,
      GError     *error)
{
  g_printerr ("awp-server: %s: %s\n", what, error->message);
  return 1;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AwpServer) server = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  g_autoptr(GKeyFile) config = NULL;
  g_autofree char *db_path = NULL;
  g_autofree char *config_path = NULL;
  g_autofree char *seed = NULL;
  g_autofree char *tls_cert = NULL;
  g_autofree char *tls_key = NULL;
  g_autofree char *fault_plan = NULL;
  g_autofree char *seed_org = NULL;
  g_autofree char *seed_date = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *tmp_dir = NULL;
  gboolean version = FALSE;
  gboolean listen_all = FALSE;
  int port = 0;
  int seed_requests = 0;
  GDate parsed_date;
  gboolean ok;
  const GOptionEntry entries[] = {
    { "port", 'p', 0, G_OPTION_ARG_INT, &port, N_("Port to listen on (0 picks a free one)"), N_("PORT") },
    { "public", 0, 0, G_OPTION_ARG_NONE, &listen_all, N_("Listen on all interfaces, not only on loopback"), NULL },
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db_path, N_("Database file (default: a temporary one)"), N_("FILE") },
    { "config", 0, 0, G_OPTION_ARG_FILENAME, &config_path, N_("Configuration file"), N_("FILE") },
    { "seed", 0, 0, G_OPTION_ARG_STRING, &seed, N_("Load sample data: “demo”"), N_("NAME") },
    { "seed-requests", 0, 0, G_OPTION_ARG_INT, &seed_requests, N_("Add this many generated requests"), N_("N") },
    { "seed-date", 0, 0, G_OPTION_ARG_STRING, &seed_date, N_("Date the sample data in the weeks before this day (default: 2026-03-02)"), N_("YYYY-MM-DD") },
    { "seed-org", 0, 0, G_OPTION_ARG_STRING, &seed_org, N_("Give all generated requests to this organization"), N_("ID") },
    { "tls-cert", 0, 0, G_OPTION_ARG_FILENAME, &tls_cert, N_("TLS certificate (PEM)"), N_("FILE") },
    { "tls-key", 0, 0, G_OPTION_ARG_FILENAME, &tls_key, N_("TLS private key (PEM)"), N_("FILE") },
    { "fault-plan", 0, 0, G_OPTION_ARG_FILENAME, &fault_plan, N_("Tests only: misbehave as this file says (docs/training.md)"), N_("FILE") },
    { "version", 0, 0, G_OPTION_ARG_NONE, &version, N_("Print the version and exit"), NULL },
    { NULL }
  };

  awp_i18n_init ();

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context, _("The reference central server of the open dialogue workstation."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("awp-server: %s\n", error->message);
      return 2;
    }

  if (version)
    {
      g_print ("awp-server %s\n", PACKAGE_VERSION);
      return 0;
    }

  if (port < 0 || port > 65535)
    {
      g_printerr ("awp-server: %s\n", _("Port: must be between 0 and 65535"));
      return 2;
    }
  if (seed != NULL && !g_str_equal (seed, "demo"))
    {
      g_printerr ("awp-server: %s\n", _("Seed: the only sample data set is “demo”"));
      return 2;
    }
  if (seed_requests < 0 || seed_requests > 10000000)
    {
      g_printerr ("awp-server: %s\n", _("Seed requests: must be between 0 and 10000000"));
      return 2;
    }
  if (seed_date != NULL && !awp_calendar_parse_date (seed_date, _("Seed date"), &parsed_date, &error))
    {
      g_printerr ("awp-server: %s\n", error->message);
      return 2;
    }
  if ((tls_cert == NULL) != (tls_key == NULL))
    {
      g_printerr ("awp-server: %s\n", _("TLS: give both a certificate and a key"));
      return 2;
    }

  if (config_path != NULL)
    {
      config = g_key_file_new ();
      if (!g_key_file_load_from_file (config, config_path, G_KEY_FILE_NONE, &error))
        return fail (_("Configuration file"), error);
    }
  if (seed_org != NULL)
    {
      if (config == NULL)
        config = g_key_file_new ();
      g_key_file_set_string (config, "seed", "scale-org", seed_org);
    }
  if (seed_date != NULL)
    {
      if (config == NULL)
        config = g_key_file_new ();
      g_key_file_set_string (config, "seed", "date", seed_date);
    }
  if (fault_plan != NULL)
    {
      if (config == NULL)
        config = g_key_file_new ();
      g_key_file_set_string (config, "test", "fault-plan", fault_plan);
    }
  if (db_path == NULL)
    {
      tmp_dir = g_dir_make_tmp ("awp-server-XXXXXX", &error);
      if (tmp_dir == NULL)
        return fail (_("Database file"), error);
      db_path = g_build_filename (tmp_dir, "server.db", NULL);
    }

  server = awp_server_new (db_path, config, &error);
  if (server == NULL)
    return fail (_("Cannot start"), error);
  if (seed != NULL && !awp_server_seed_demo (server, &error))
    return fail (_("Sample data"), error);
  if (seed_requests > 0 && !awp_server_seed_requests (server, seed_requests, &error))
    return fail (_("Sample data"), error);
  if (tls_cert != NULL && !awp_server_set_tls (server, tls_cert, tls_key, &error))
    return fail (_("TLS"), error);

  ok = listen_all ? awp_server_listen_all (server, port, &error)
                  : awp_server_listen_local (server, port, &error);
  if (!ok)
    return fail (_("Cannot listen"), error);

  /* The first line on stdout names the address, so a test or a script that
   * asked for port 0 learns which one it got. */
  uri = awp_server_get_uri (server);
  g_print ("listening %s\n", uri);
  fflush (stdout);

  loop = g_main_loop_new (NULL, FALSE);
  g_unix_signal_add (SIGTERM, quit_on_signal, loop);
  g_unix_signal_add (SIGINT, quit_on_signal, loop);
  g_main_loop_run (loop);

  awp_server_disconnect (server);
  g_clear_object (&server);
  if (tmp_dir != NULL)
    {
      g_autofree char *wal = g_strconcat (db_path, "-wal", NULL);
      g_autofree char *shm = g_strconcat (db_path, "-shm", NULL);

      g_unlink (db_path);
      g_unlink (wal);
      g_unlink (shm);
      g_rmdir (tmp_dir);
    }
  return 0;
}
