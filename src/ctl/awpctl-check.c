#include "config.h"

#include <glib/gi18n.h>

#include "awp-validate.h"
#include "awpctl-commands.h"

/* awpctl check iin|bin|phone|email VALUE. Prints the machine-readable
 * "valid" (for phones "valid +77011234567", the stored E.164 form) and exits
 * 0, or prints the translated reason on stdout and exits 1; 2 on bad usage. */

#define CHECK_USAGE "iin|bin|phone|email VALUE"

int
awpctl_cmd_check (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *e164 = NULL;
  const char *kind, *value;
  gboolean ok;

  if (argc != 3)
    return awpctl_usage_error (argv[0], CHECK_USAGE);
  kind = argv[1];
  value = argv[2];

  if (g_str_equal (kind, "iin"))
    ok = awp_validate_iin (value, _("IIN"), NULL, &error);
  else if (g_str_equal (kind, "bin"))
    ok = awp_validate_bin (value, _("BIN"), &error);
  else if (g_str_equal (kind, "phone"))
    ok = (e164 = awp_validate_phone (value, _("Phone"), &error)) != NULL;
  else if (g_str_equal (kind, "email"))
    ok = awp_validate_email (value, _("E-mail"), &error);
  else
    return awpctl_usage_error (argv[0], CHECK_USAGE);

  if (!ok)
    {
      g_print ("%s\n", error->message);
      return 1;
    }
  if (e164 != NULL)
    g_print ("valid %s\n", e164);
  else
    g_print ("valid\n");
  return 0;
}
