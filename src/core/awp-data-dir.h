#pragma once

#include <glib.h>

G_BEGIN_DECLS

const char *awp_data_dir (void);
char       *awp_data_path (const char *first_element,
                           ...) G_GNUC_NULL_TERMINATED;

G_END_DECLS
