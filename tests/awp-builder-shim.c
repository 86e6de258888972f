#include <adwaita.h>

/* gtk4-builder-tool only knows GTK's own types. Preloaded into it, this
 * registers libadwaita's types so that `gtk4-builder-tool validate` can check
 * our templates, whose parents and children are Adw widgets. */
void awp_builder_shim_register_types (void);

__attribute__((constructor))
static void
awp_builder_shim_init (void)
{
  adw_init ();
  awp_builder_shim_register_types ();
}
