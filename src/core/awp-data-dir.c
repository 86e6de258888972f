#include "config.h"

#include <stdarg.h>

#include "awp-data-dir.h"

/* Where calendar years, rule sets and the demo seed live. AWP_DATADIR wins
 * (tests and `meson devenv` set it); otherwise the installed pkgdatadir, and
 * for an uninstalled build the source tree's data/. */
const char *
awp_data_dir (void)
{
  static gsize once;
  static char *dir;

  if (g_once_init_enter (&once))
    {
      const char *env = g_getenv ("AWP_DATADIR");
      char *found;

      if (env != NULL && *env != '\0')
        found = g_strdup (env);
      else if (g_file_test (PKGDATADIR, G_FILE_TEST_IS_DIR))
        found = g_strdup (PKGDATADIR);
      else
        found = g_strdup (AWP_SOURCE_DATADIR);

      dir = found;
      g_once_init_leave (&once, 1);
    }

  return dir;
}

char *
awp_data_path (const char *first_element,
               ...)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  va_list args;

  g_ptr_array_add (parts, (gpointer) awp_data_dir ());
  g_ptr_array_add (parts, (gpointer) first_element);
  va_start (args, first_element);
  for (const char *p = va_arg (args, const char *); p != NULL; p = va_arg (args, const char *))
    g_ptr_array_add (parts, (gpointer) p);
  va_end (args);
  g_ptr_array_add (parts, NULL);

  return g_build_filenamev ((char **) parts->pdata);
}
