#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "awp-calendar-private.h"
#include "awp-json-util.h"

/* kz-YYYY.json: { "year", "version", "provisional", "source",
 *   "days": [ { "date", "kind": "holiday" | "day-off" | "working-day",
 *               "name": { "kk", "ru", "en" } (holidays),
 *               "from" (day-off: the day it was moved from),
 *               "to" (working-day: the day off it pays for) } ] }
 * Every error names the field, so a bad server update is diagnosable. */

static gboolean
invalid (GError **error, const char *field, const char *why)
{
  g_set_error (error, AWP_CALENDAR_ERROR, AWP_CALENDAR_ERROR_INVALID,
               _("Calendar field “%s”: %s"), field, why);
  return FALSE;
}

static gboolean
parse_day (JsonNode *node, guint index, int year, AwpSpecialDay *out, GError **error)
{
  g_autofree char *field = g_strdup_printf ("days[%u]", index);
  JsonObject *obj;
  const char *kind;
  GDate date;
  g_autoptr(GError) date_error = NULL;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return invalid (error, field, _("must be an object"));
  obj = json_node_get_object (node);

  g_free (field);
  field = g_strdup_printf ("days[%u].date", index);
  if (!awp_calendar_parse_date (awp_json_get_string (obj, "date"), field, &date, &date_error))
    {
      g_propagate_error (error, g_steal_pointer (&date_error));
      return FALSE;
    }
  if (g_date_get_year (&date) != year)
    return invalid (error, field, _("is not in the file's year"));
  out->day = g_date_get_julian (&date);

  g_free (field);
  field = g_strdup_printf ("days[%u].kind", index);
  kind = awp_json_get_string (obj, "kind");
  if (g_strcmp0 (kind, "holiday") == 0)
    {
      JsonNode *names = json_object_get_member (obj, "name");
      static const char *langs[] = { "kk", "ru", "en" };

      out->kind = AWP_DAY_HOLIDAY;
      g_free (field);
      field = g_strdup_printf ("days[%u].name", index);
      if (names == NULL || !JSON_NODE_HOLDS_OBJECT (names))
        return invalid (error, field, _("must be an object with kk, ru and en"));
      for (guint l = 0; l < AWP_N_LANGS; l++)
        {
          const char *s = awp_json_get_string (json_node_get_object (names), langs[l]);

          if (s == NULL || *s == '\0')
            return invalid (error, field, _("must be an object with kk, ru and en"));
          out->name[l] = g_strdup (s);
        }
    }
  else if (g_strcmp0 (kind, "day-off") == 0 || g_strcmp0 (kind, "working-day") == 0)
    {
      const char *member = kind[0] == 'd' ? "from" : "to";
      guint wd = awp_day_weekday (out->day);

      out->kind = kind[0] == 'd' ? AWP_DAY_MOVED_DAY_OFF : AWP_DAY_WORKING_WEEKEND;
      if (out->kind == AWP_DAY_MOVED_DAY_OFF && wd >= 5)
        return invalid (error, field, _("a moved day off must fall on a weekday"));
      if (out->kind == AWP_DAY_WORKING_WEEKEND && wd < 5)
        return invalid (error, field, _("a working weekend day must fall on a Saturday or Sunday"));
      if (json_object_has_member (obj, member))
        {
          g_free (field);
          field = g_strdup_printf ("days[%u].%s", index, member);
          if (!awp_calendar_parse_date (awp_json_get_string (obj, member), field, &date, error))
            return FALSE;
          out->related = g_date_get_julian (&date);
        }
    }
  else
    return invalid (error, field, _("must be “holiday”, “day-off” or “working-day”"));
  return TRUE;
}

gboolean
awp_calendar_year_parse (GBytes          *json,
                         AwpCalendarYear *out,
                         GError         **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) local_error = NULL;
  AwpCalendarYear y = { 0 };
  JsonObject *root;
  JsonNode *node;
  JsonArray *days;
  gint64 year;
  const char *source;
  gsize len;
  const char *data = g_bytes_get_data (json, &len);

  if (!json_parser_load_from_data (parser, data != NULL ? data : "", data != NULL ? (gssize) len : 0, &local_error))
    {
      g_set_error (error, AWP_CALENDAR_ERROR, AWP_CALENDAR_ERROR_PARSE,
                   _("Calendar data is not valid JSON: %s"), local_error->message);
      return FALSE;
    }
  node = json_parser_get_root (parser);
  if (node == NULL)
    {
      g_set_error_literal (error, AWP_CALENDAR_ERROR, AWP_CALENDAR_ERROR_PARSE, _("The data is empty"));
      return FALSE;
    }
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return invalid (error, "/", _("must be an object"));
  root = json_node_get_object (node);

  if (!awp_json_get_int (root, "year", G_MININT64, G_MAXINT64, &year))
    return invalid (error, "year", _("must be an integer"));
  if (year < AWP_CALENDAR_FIRST_YEAR || year > AWP_CALENDAR_LAST_YEAR)
    {
      g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, year);

      g_set_error (error, AWP_CALENDAR_ERROR, AWP_CALENDAR_ERROR_OUT_OF_RANGE,
                   _("Calendar year %s is outside %d to %d"),
                   text, AWP_CALENDAR_FIRST_YEAR, AWP_CALENDAR_LAST_YEAR);
      return FALSE;
    }
  y.year = (int) year;
  if (!awp_json_get_int (root, "version", 1, G_MAXINT32, &y.version))
    return invalid (error, "version", _("must be a positive integer"));
  node = json_object_get_member (root, "provisional");
  if (node != NULL && (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN))
    return invalid (error, "provisional", _("must be true or false"));
  y.provisional = node != NULL && json_node_get_boolean (node);
  source = awp_json_get_string (root, "source");
  if (source == NULL || *source == '\0')
    return invalid (error, "source", _("must be a non-empty string"));
  node = json_object_get_member (root, "days");
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return invalid (error, "days", _("must be an array"));
  days = json_node_get_array (node);

  y.source = g_strdup (source);
  y.days = g_array_sized_new (FALSE, TRUE, sizeof (AwpSpecialDay), json_array_get_length (days));
  for (guint i = 0; i < json_array_get_length (days); i++)
    {
      AwpSpecialDay s = { 0 };
      gboolean ok = parse_day (json_array_get_element (days, i), i, y.year, &s, error);

      g_array_append_val (y.days, s); /* appended even on error, so clear frees its names */
      if (!ok)
        {
          awp_calendar_year_clear (&y);
          return FALSE;
        }
    }
  g_array_sort (y.days, awp_special_day_compare);
  *out = y;
  return TRUE;
}
