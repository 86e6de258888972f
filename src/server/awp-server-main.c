#include "config.h"

#include <stdio.h>

#include <glib-unix.h>
#include <glib/gi18n.h>
#include <libsoup/soup.h>
#include <json-glib/json-glib.h>

#include "awp-i18n.h"

/* The reference central server. This is its frame: options, listening on
 * loopback or a given port, a health endpoint and a graceful shutdown. */

static gboolean
quit_on_signal (gpointer user_data)
{
  g_main_loop_quit (user_data);
  return G_SOURCE_REMOVE;
}

static void
health_cb (SoupServer        *server,
           SoupServerMessage *msg,
           const char        *path,
           GHashTable        *query,
           gpointer           user_data)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *body = NULL;

  if (soup_server_message_get_method (msg) != SOUP_METHOD_GET)
    {
      soup_server_message_set_status (msg, SOUP_STATUS_METHOD_NOT_ALLOWED, NULL);
      return;
    }

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "status");
  json_builder_add_string_value (builder, "ok");
  json_builder_set_member_name (builder, "version");
  json_builder_add_string_value (builder, PACKAGE_VERSION);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  body = json_to_string (root, FALSE);

  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_COPY,
                                    body, strlen (body));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SoupServer) server = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  g_autofree char *db_path = NULL;
  gboolean version = FALSE;
  gboolean listen_all = FALSE;
  int port = 0;
  GSList *uris;
  const GOptionEntry entries[] = {
    { "port", 'p', 0, G_OPTION_ARG_INT, &port, N_("Port to listen on (0 picks a free one)"), N_("PORT") },
    { "public", 0, 0, G_OPTION_ARG_NONE, &listen_all, N_("Listen on all interfaces, not only on loopback"), NULL },
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db_path, N_("Database file"), N_("FILE") },
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

  server = soup_server_new ("server-header", "awp-server/" PACKAGE_VERSION, NULL);
  soup_server_add_handler (server, "/api/v1/health", health_cb, NULL, NULL);

  if (listen_all)
    soup_server_listen_all (server, port, 0, &error);
  else
    soup_server_listen_local (server, port, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  if (error != NULL)
    {
      g_printerr ("awp-server: %s\n", error->message);
      return 1;
    }

  /* The first line on stdout names the address, so a test or a script that
   * asked for port 0 learns which one it got. */
  uris = soup_server_get_uris (server);
  if (uris != NULL)
    {
      g_autofree char *uri = g_uri_to_string (uris->data);

      g_print ("listening %s\n", uri);
      fflush (stdout);
    }
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  loop = g_main_loop_new (NULL, FALSE);
  g_unix_signal_add (SIGTERM, quit_on_signal, loop);
  g_unix_signal_add (SIGINT, quit_on_signal, loop);
  g_main_loop_run (loop);

  soup_server_disconnect (server);
  return 0;
}
