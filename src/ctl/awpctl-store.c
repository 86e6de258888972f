#include "config.h"

#include <glib/gi18n.h>

#include "awp-store.h"
#include "awpctl-commands.h"

/* awpctl store check DB: the full integrity check the workstation runs in
 * the background after opening. "ok" and exit 0 when the file is sound;
 * a damaged file is moved aside as the workstation would (a new empty one
 * takes its place): "moved PATH" and exit 1; exit 2 on usage errors or a
 * file that cannot be read. */

static void
check_done (GObject      *source,
            GAsyncResult *result,
            gpointer      data)
{
  GError **error = data;

  awp_store_check_finish (AWP_STORE (source), result, error);
  g_object_set_data (source, "awpctl-done", GINT_TO_POINTER (TRUE));
}

int
awpctl_cmd_store (int    argc,
                  char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AwpStore) store = NULL;

  if (argc != 3 || !g_str_equal (argv[1], "check"))
    return awpctl_usage_error (argv[0], "check DB");
  /* Checking never creates a database. */
  if (!g_file_test (argv[2], G_FILE_TEST_IS_REGULAR))
    {
      g_printerr (_("awpctl: no database file “%s”\n"), argv[2]);
      return 2;
    }
  store = awp_store_open (argv[2], &error);
  if (store == NULL)
    {
      g_printerr ("awpctl: %s\n", error->message);
      return 2;
    }
  if (awp_store_get_moved_path (store) == NULL)
    {
      awp_store_check_async (store, NULL, check_done, &error);
      while (g_object_get_data (G_OBJECT (store), "awpctl-done") == NULL)
        g_main_context_iteration (NULL, TRUE);
      if (error != NULL)
        {
          g_printerr ("awpctl: %s\n", error->message);
          return 2;
        }
    }
  if (awp_store_get_moved_path (store) != NULL)
    {
      g_print ("moved %s\n", awp_store_get_moved_path (store));
      g_printerr ("awpctl: %s\n", awp_store_get_recovery_message (store));
      return 1;
    }
  g_print ("ok\n");
  return 0;
}
