#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

void        awp_i18n_init     (void);
/* "kk", "ru" or "en": the user's first language among those records have. */
const char *awp_i18n_language (void);
/* A record's text in the user's language: BASE_kk / BASE_ru / BASE_en as
 * awp_i18n_language() says, else Russian, Kazakh, English (kk and ru are
 * required, en optional), else BASE itself; "" when there is none. */
const char *awp_i18n_pick     (JsonObject *data,
                               const char *base);
/* The same choice as an SQL expression over the JSON text in column
 * @json_column, for lists that name a record without loading its data. */
char       *awp_i18n_pick_sql (const char *json_column,
                               const char *base);

G_END_DECLS
