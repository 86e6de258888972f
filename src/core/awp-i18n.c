#include "config.h"

#include <locale.h>
#include <glib/gi18n-lib.h>

#include "awp-i18n.h"

/* One place for every program (awp, awpctl, awp-server, tests) to bind the
 * message catalogue, so a string translated once is translated everywhere. */
void
awp_i18n_init (void)
{
  const char *localedir = g_getenv ("AWP_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}
