#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Small strict readers shared by the calendar and rule loaders. */

/* The string member @member, or NULL when absent or not a string. */
const char *awp_json_get_string (JsonObject *obj,
                                 const char *member);
/* TRUE when @member is an integer within [@min, @max]; stores it in @out. */
gboolean    awp_json_get_int    (JsonObject *obj,
                                 const char *member,
                                 gint64      min,
                                 gint64      max,
                                 gint64     *out);
/* An optional boolean: TRUE and @out untouched when @member is absent or
 * null, TRUE and @out set when it is a boolean, FALSE for anything else
 * (json-glib's _with_default getters raise a critical on an object). */
gboolean    awp_json_get_bool   (JsonObject *obj,
                                 const char *member,
                                 gboolean   *out);

typedef gboolean (*AwpJsonFileFunc) (GBytes      *contents,
                                     gpointer     user_data,
                                     GError     **error);

/* Calls @func on every file in the data subdirectory @subdir whose name
 * starts with @prefix and ends in .json; errors are prefixed with the file name. */
gboolean    awp_json_load_data_dir (const char      *subdir,
                                    const char      *prefix,
                                    AwpJsonFileFunc  func,
                                    gpointer         user_data,
                                    GError         **error);

G_END_DECLS
