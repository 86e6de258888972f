#include "config.h"

#include "awp-application.h"
#include "awp-i18n.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AwpApplication) app = NULL;

  awp_i18n_init ();
  app = awp_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
