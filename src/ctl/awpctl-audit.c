#include "config.h"

#include <glib/gi18n.h>

#include "awp-audit.h"
#include "awpctl-commands.h"

/* awpctl audit verify DB: "ok N entries" and exit 0 when the chain holds;
 * "broken ID" (the first bad entry) and exit 1; exit 2 on usage errors or a
 * file that cannot be read. */

int
awpctl_cmd_audit (int    argc,
                  char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AwpStore) store = NULL;
  gint64 n = 0, broken = 0;

  if (argc != 3 || !g_str_equal (argv[1], "verify"))
    return awpctl_usage_error (argv[0], "verify DB");
  /* Verifying never creates a database. */
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
  if (awp_store_get_recovery_message (store) != NULL)
    {
      g_printerr ("awpctl: %s\n", awp_store_get_recovery_message (store));
      return 1;
    }
  if (awp_audit_verify (store, &n, &broken, &error))
    {
      g_print ("ok %" G_GINT64_FORMAT " entries\n", n);
      return 0;
    }
  if (error != NULL)
    {
      g_printerr ("awpctl: %s\n", error->message);
      return 2;
    }
  g_print ("broken %" G_GINT64_FORMAT "\n", broken);
  g_printerr (_("awpctl: the audit log is broken at entry %lld\n"), (long long) broken);
  return 1;
}
