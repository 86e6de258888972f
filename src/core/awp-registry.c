#include "config.h"

#include <glib/gi18n-lib.h>

#include "awp-calendar.h"
#include "awp-registry.h"
#include "awp-search.h"
#include "awp-store-private.h"

/* Order 93, Annex 2. The Registry is kept in both state languages whatever
 * language the user works in (O93-8), so its headings are the annex's own
 * wording in a table here, not gettext strings. */

const char *const awp_registry_fields[] = { "name_kk", "name_ru", "owner_kk", "owner_ru", NULL };

static const char *const columns[AWP_REGISTRY_COLUMNS][2] = {
  { "№", "№" },
  { "Коммуникация арнасының атауы", "Наименование канала коммуникаций" },
  { "Коммуникация арнасы қарамағында болатын орталық мемлекеттік немесе жергілікті атқарушы органның атауы",
    "Наименование центрального государственного или местного исполнительного органа, "
    "в ведении которого находится канал коммуникаций" },
  { "Коммуникация арнасының Тізілімге енгізілген күні", "Дата включения в Реестр канала коммуникаций" },
  { "Коммуникация арнасы бойынша енгізілген өзгерістер және (немесе) толықтырулар туралы мәліметтер",
    "Сведения о внесенных изменениях и (или) дополнениях по каналу коммуникаций" },
  { "Коммуникация арнасын тізілімнен шығару туралы мәліметтер",
    "Сведения об исключении канала коммуникаций" },
};

static const struct
{
  const char *field;
  const char *kk;
  const char *ru;
} field_titles[] = {
  { "name_kk", "Арнаның атауы (қазақ тілінде)", "Наименование канала (на казахском языке)" },
  { "name_ru", "Арнаның атауы (орыс тілінде)", "Наименование канала (на русском языке)" },
  { "owner_kk", "Мемлекеттік орган (қазақ тілінде)", "Государственный орган (на казахском языке)" },
  { "owner_ru", "Мемлекеттік орган (орыс тілінде)", "Государственный орган (на русском языке)" },
};

static gboolean
is_kk (const char *lang)
{
  return lang != NULL && g_str_equal (lang, "kk");
}

const char *
awp_registry_field_title (const char *field,
                          const char *lang)
{
  g_return_val_if_fail (field != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (field_titles); i++)
    if (g_str_equal (field_titles[i].field, field))
      return is_kk (lang) ? field_titles[i].kk : field_titles[i].ru;
  return field;
}

const char *
awp_registry_column_title (guint       column,
                           const char *lang)
{
  g_return_val_if_fail (column < AWP_REGISTRY_COLUMNS, NULL);

  return columns[column][is_kk (lang) ? 0 : 1];
}

GPtrArray *
awp_registry_list_records (AwpStore    *store,
                           const char  *type,
                           const char  *parent_id,
                           GError     **error)
{
  g_autoptr(AwpCachedStmt) list = NULL;
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  int rc;

  g_return_val_if_fail (AWP_IS_STORE (store) && type != NULL, NULL);

  list = awp_store_prepare (store,
                            "SELECT id FROM record WHERE type = ?1 AND (?2 IS NULL OR parent_id = ?2)"
                            " ORDER BY rid", error);
  if (list == NULL)
    return NULL;
  sqlite3_bind_text (list, 1, type, -1, SQLITE_TRANSIENT);
  if (parent_id != NULL)
    sqlite3_bind_text (list, 2, parent_id, -1, SQLITE_TRANSIENT);
  /* Ids first: reading a record reuses the store's cached statements. */
  {
    g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);

    while ((rc = sqlite3_step (list)) == SQLITE_ROW)
      g_ptr_array_add (ids, g_strdup ((const char *) sqlite3_column_text (list, 0)));
    if (rc != SQLITE_DONE)
      {
        awp_store_fail (store, "list", error);
        return NULL;
      }
    g_clear_pointer (&list, awp_cached_stmt_release);
    for (guint i = 0; i < ids->len; i++)
      {
        JsonObject *record = awp_store_get_record (store, g_ptr_array_index (ids, i), error);

        if (record == NULL)
          return NULL;
        g_ptr_array_add (out, record);
      }
  }
  return g_steal_pointer (&out);
}

gboolean
awp_registry_is_provisional (JsonObject *data)
{
  g_return_val_if_fail (data != NULL, TRUE);

  return json_object_get_string_member_with_default (data, "number", "")[0] == '\0';
}

const char *
awp_registry_number_text (JsonObject *data,
                          const char *lang)
{
  g_return_val_if_fail (data != NULL, NULL);

  /* The server gives the number (one sequence for every workstation);
   * until the sync brings it, the entry is shown as waiting for it. */
  if (awp_registry_is_provisional (data))
    return is_kk (lang) ? "— (нөмірі күтілуде)" : "— (номер ожидается)";
  return json_object_get_string_member (data, "number");
}

const char *
awp_registry_number_label (JsonObject *data)
{
  g_return_val_if_fail (data != NULL, NULL);

  if (awp_registry_is_provisional (data))
    return _("— (number pending)");
  return json_object_get_string_member (data, "number");
}

/* Entries waiting for their number come last, in the order written. */
static gint64
entry_number (JsonObject *record)
{
  JsonObject *data = json_object_get_object_member (record, "data");

  if (awp_registry_is_provisional (data))
    return G_MAXINT64;
  return g_ascii_strtoll (json_object_get_string_member_with_default (data, "number", "0"), NULL, 10);
}

static int
by_number (gconstpointer a,
           gconstpointer b)
{
  gint64 x = entry_number (*(JsonObject **) a);
  gint64 y = entry_number (*(JsonObject **) b);

  return x < y ? -1 : x > y;
}

static char *
fold (const char *text)
{
  g_autofree char *normal = awp_search_fold (text != NULL ? text : "");

  return g_utf8_casefold (normal, -1);
}

GPtrArray *
awp_registry_search (AwpStore    *store,
                     const char  *query,
                     GError     **error)
{
  g_autoptr(GPtrArray) all = awp_registry_list_records (store, "channel", NULL, error);
  g_autofree char *folded = NULL;
  g_auto(GStrv) words = NULL;
  GPtrArray *out;

  if (all == NULL)
    return NULL;
  g_ptr_array_sort (all, by_number);
  folded = fold (query);
  words = g_strsplit_set (g_strstrip (folded), " \t", -1);
  out = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  for (guint i = 0; i < all->len; i++)
    {
      JsonObject *record = g_ptr_array_index (all, i);
      JsonObject *data = json_object_get_object_member (record, "data");
      g_autofree char *joined = NULL;
      g_autofree char *hay = NULL;
      gboolean match = TRUE;

      joined = g_strjoin (" ",
                          json_object_get_string_member_with_default (data, "number", ""),
                          json_object_get_string_member_with_default (data, "name_kk", ""),
                          json_object_get_string_member_with_default (data, "name_ru", ""),
                          json_object_get_string_member_with_default (data, "owner_kk", ""),
                          json_object_get_string_member_with_default (data, "owner_ru", ""),
                          NULL);
      hay = fold (joined);
      for (guint w = 0; words[w] != NULL && match; w++)
        if (words[w][0] != '\0' && strstr (hay, words[w]) == NULL)
          match = FALSE;
      if (match)
        g_ptr_array_add (out, json_object_ref (record));
    }
  return out;
}

GPtrArray *
awp_registry_history (AwpStore    *store,
                      const char  *channel_id,
                      GError     **error)
{
  g_return_val_if_fail (channel_id != NULL, NULL);

  return awp_registry_list_records (store, "channel_history", channel_id, error);
}

static char *
display_date (const char *iso)
{
  GDate date;

  if (iso == NULL || !awp_calendar_parse_date (iso, "date", &date, NULL))
    return g_strdup ("");
  return awp_calendar_format_date (&date);
}

char *
awp_registry_history_title (JsonObject *line,
                            const char *lang)
{
  const char *kind = json_object_get_string_member_with_default (line, "kind", "");
  const char *norm = json_object_get_string_member_with_default (line, "norm", "");
  g_autofree char *day = display_date (json_object_get_string_member_with_default (line, "on", NULL));
  const char *what;

  if (g_str_equal (kind, "included"))
    what = is_kk (lang) ? "тізілімге енгізілді" : "включен в Реестр";
  else if (g_str_equal (kind, "changed"))
    what = is_kk (lang) ? "өзгерістер енгізілді" : "внесены изменения";
  else
    what = is_kk (lang) ? "тізілімнен шығарылды" : "исключен из Реестра";
  return norm[0] != '\0' ? g_strdup_printf ("%s — %s (%s)", day, what, norm) : g_strdup_printf ("%s — %s", day, what);
}

static char *
changes_text (GPtrArray  *history,
              const char *kind,
              const char *lang)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; history != NULL && i < history->len; i++)
    {
      JsonObject *data = json_object_get_object_member (g_ptr_array_index (history, i), "data");
      const char *grounds = json_object_get_string_member_with_default (data, "grounds", "");
      g_autofree char *day = NULL;

      if (!g_str_equal (json_object_get_string_member_with_default (data, "kind", ""), kind))
        continue;
      day = display_date (json_object_get_string_member_with_default (data, "on", NULL));
      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, day);
      if (g_str_equal (kind, "changed"))
        g_string_append_printf (text, " — %s: «%s» → «%s»",
                                awp_registry_field_title (json_object_get_string_member_with_default (data, "field", ""), lang),
                                json_object_get_string_member_with_default (data, "old_value", ""),
                                json_object_get_string_member_with_default (data, "new_value", ""));
      else
        g_string_append (text, is_kk (lang) ? " — тізілімнен шығарылды" : " — исключен из Реестра");
      if (grounds[0] != '\0')
        g_string_append_printf (text, is_kk (lang) ? " (негіздеме: %s)" : " (основание: %s)", grounds);
    }
  return g_string_free (text, FALSE);
}

char *
awp_registry_cell (JsonObject  *entry,
                   GPtrArray   *history,
                   guint        column,
                   const char  *lang)
{
  JsonObject *data;

  g_return_val_if_fail (entry != NULL && column < AWP_REGISTRY_COLUMNS, NULL);

  data = json_object_get_object_member (entry, "data");
  switch (column)
    {
    case 0:
      return g_strdup (awp_registry_number_text (data, lang));
    case 1:
      return g_strdup (json_object_get_string_member_with_default (data, is_kk (lang) ? "name_kk" : "name_ru", ""));
    case 2:
      return g_strdup (json_object_get_string_member_with_default (data, is_kk (lang) ? "owner_kk" : "owner_ru", ""));
    case 3:
      return display_date (json_object_get_string_member_with_default (data, "included_on", NULL));
    case 4:
      return changes_text (history, "changed", lang);
    default:
      return changes_text (history, "excluded", lang);
    }
}

static void
csv_field (GString    *out,
           const char *value)
{
  if (strpbrk (value, ",\"\r\n") == NULL)
    {
      g_string_append (out, value);
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

char *
awp_registry_to_csv (AwpStore    *store,
                     const char  *lang,
                     GError     **error)
{
  g_autoptr(GPtrArray) entries = awp_registry_search (store, NULL, error);
  GString *out;

  if (entries == NULL)
    return NULL;
  out = g_string_new (NULL);
  for (guint c = 0; c < AWP_REGISTRY_COLUMNS; c++)
    {
      if (c > 0)
        g_string_append_c (out, ',');
      csv_field (out, awp_registry_column_title (c, lang));
    }
  g_string_append (out, "\r\n");
  for (guint i = 0; i < entries->len; i++)
    {
      JsonObject *entry = g_ptr_array_index (entries, i);
      g_autoptr(GPtrArray) history = awp_registry_history (store, json_object_get_string_member (entry, "id"), error);

      if (history == NULL)
        {
          g_string_free (out, TRUE);
          return NULL;
        }
      for (guint c = 0; c < AWP_REGISTRY_COLUMNS; c++)
        {
          g_autofree char *cell = awp_registry_cell (entry, history, c, lang);

          if (c > 0)
            g_string_append_c (out, ',');
          csv_field (out, cell);
        }
      g_string_append (out, "\r\n");
    }
  return g_string_free (out, FALSE);
}

JsonObject *
awp_registry_get_entry (AwpStore    *store,
                        const char  *channel_id,
                        GError     **error)
{
  g_autoptr(JsonObject) record = NULL;

  if (channel_id == NULL || channel_id[0] == '\0')
    {
      g_set_error (error, AWP_STORE_ERROR, AWP_STORE_ERROR_INVALID,
                   _("The field “%s” is required"), "channel_id");
      return NULL;
    }
  record = awp_store_get_record (store, channel_id, error);
  if (record == NULL)
    return NULL;
  if (!g_str_equal (json_object_get_string_member (record, "type"), "channel"))
    {
      g_set_error (error, AWP_STORE_ERROR, AWP_STORE_ERROR_NOT_FOUND,
                   _("The record “%s” is not of type “%s”"), channel_id, "channel");
      return NULL;
    }
  return json_object_ref (json_object_get_object_member (record, "data"));
}

gboolean
awp_registry_add_history (AwpStore    *store,
                          const char  *channel_id,
                          JsonObject  *entry,
                          const char  *actor,
                          GError     **error)
{
  g_autofree char *id = NULL;

  json_object_set_string_member (entry, "parent_id", channel_id);
  id = awp_store_create (store, "channel_history", entry, actor, error);
  return id != NULL;
}

char *
awp_registry_include (AwpStore    *store,
                      JsonObject  *application,
                      const char  *application_id,
                      const char  *day,
                      const char  *actor,
                      GError     **error)
{
  g_autoptr(JsonObject) entry = json_object_new ();
  g_autoptr(JsonObject) event = json_object_new ();
  g_autofree char *id = NULL;

  /* No number: the server gives it (docs/sync.md "Groups"). */
  json_object_set_string_member (entry, "name_kk", json_object_get_string_member_with_default (application, "channel_name_kk", ""));
  json_object_set_string_member (entry, "name_ru", json_object_get_string_member_with_default (application, "channel_name_ru", ""));
  json_object_set_string_member (entry, "owner_kk", json_object_get_string_member_with_default (application, "from_body_kk", ""));
  json_object_set_string_member (entry, "owner_ru", json_object_get_string_member_with_default (application, "from_body_ru", ""));
  json_object_set_string_member (entry, "subject", json_object_get_string_member_with_default (application, "channel_name_ru", ""));
  json_object_set_string_member (entry, "requester", json_object_get_string_member_with_default (application, "from_body_ru", ""));
  json_object_set_string_member (entry, "included_on", day);
  json_object_set_string_member (entry, "application_id", application_id);
  id = awp_store_create (store, "channel", entry, actor, error);
  if (id == NULL)
    return NULL;
  json_object_set_string_member (event, "kind", "included");
  json_object_set_string_member (event, "on", day);
  json_object_set_string_member (event, "norm", "O93-5");
  json_object_set_string_member (event, "source_id", application_id);
  if (!awp_registry_add_history (store, id, event, actor, error))
    return NULL;
  return g_steal_pointer (&id);
}
