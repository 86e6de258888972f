#include "config.h"

#include <stdlib.h>

#include <glib/gi18n.h>

#include "awp-seed.h"
#include "awpctl-commands.h"

/* awpctl seed [--requests N] [--seed S] DB: fills DB with deterministic
 * demo data and prints "seeded N records". */

int
awpctl_cmd_seed (int    argc,
                 char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AwpStore) store = NULL;
  const char *usage = "[--requests N] [--seed S] DB";
  guint64 requests = 1000, seed = 1;
  const char *path = NULL;
  gint64 count;

  for (int i = 1; i < argc; i++)
    {
      guint64 *target = NULL;

      if (g_str_equal (argv[i], "--requests"))
        target = &requests;
      else if (g_str_equal (argv[i], "--seed"))
        target = &seed;
      else if (path == NULL && argv[i][0] != '-')
        {
          path = argv[i];
          continue;
        }
      else
        return awpctl_usage_error (argv[0], usage);
      if (i + 1 >= argc
          || !g_ascii_string_to_unsigned (argv[i + 1], 10, 0, target == &seed ? G_MAXUINT32 : 10000000, target, &error))
        {
          if (error != NULL)
            g_printerr ("awpctl: %s: %s\n", argv[i], error->message);
          return awpctl_usage_error (argv[0], usage);
        }
      i++;
    }
  if (path == NULL)
    return awpctl_usage_error (argv[0], usage);
  store = awp_store_open (path, &error);
  if (store == NULL)
    {
      g_printerr ("awpctl: %s\n", error->message);
      return 1;
    }
  if (awp_store_get_recovery_message (store) != NULL)
    g_printerr ("awpctl: %s\n", awp_store_get_recovery_message (store));
  if (!awp_seed_run (store, (guint) requests, (guint32) seed, &error))
    {
      g_printerr ("awpctl: %s\n", error->message);
      return 1;
    }
  count = awp_store_count (store, NULL, &error);
  g_print ("seeded %" G_GINT64_FORMAT " records\n", count);
  return 0;
}
