#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "awp-calendar-private.h"
#include "awp-json-util.h"
#include "awp-rule-private.h"

/* Rule files: { "rule_set": "order-145", "version": 2, "effective_from":
 * "YYYY-MM-DD", "source": "…", "rules": [ { "norm", "starts", "kind":
 * "within" | "before" | "lasts" | "by-date" | "extension", "unit":
 * "working-days" | "calendar-days", "length", "description": {kk, ru, en},
 * by-date: "month", "day"; extension: "max_times"; optional
 * "repeat_after_months" + "repeat_every_days" } ] }.
 * A version replaces the earlier versions of the same set from its date on;
 * a norm it leaves out is no longer in force. */

struct _AwpRuleSet
{
  GObject     parent_instance;

  GPtrArray  *versions; /* AwpRuleVersion */
  GHashTable *by_norm;  /* norm → GPtrArray of AwpRule, newest first (borrowed) */
};

G_DEFINE_TYPE (AwpRuleSet, awp_rule_set, G_TYPE_OBJECT)
G_DEFINE_QUARK (awp-deadline-error-quark, awp_deadline_error)

static void
rule_free (AwpRule *rule)
{
  g_free (rule->norm);
  g_free (rule->starts);
  for (guint l = 0; l < AWP_N_LANGS; l++)
    g_free (rule->description[l]);
  g_free (rule);
}

/* Reads {"kk": …, "ru": …, "en": …} at @member into @out (all three required). */
static gboolean
read_trilingual (JsonObject *obj,
                 const char *member,
                 char       *out[AWP_N_LANGS])
{
  static const char *langs[] = { "kk", "ru", "en" };
  JsonNode *node = json_object_get_member (obj, member);

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return FALSE;
  for (guint l = 0; l < AWP_N_LANGS; l++)
    {
      const char *s = awp_json_get_string (json_node_get_object (node), langs[l]);

      if (s == NULL || *s == '\0')
        return FALSE;
      g_free (out[l]);
      out[l] = g_strdup (s);
    }
  return TRUE;
}

static void
version_free (AwpRuleVersion *v)
{
  g_free (v->rule_set);
  for (guint l = 0; l < AWP_N_LANGS; l++)
    g_free (v->title[l]);
  g_free (v->source);
  g_ptr_array_unref (v->rules);
  g_free (v);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AwpRuleVersion, version_free)

static void
awp_rule_set_finalize (GObject *object)
{
  AwpRuleSet *self = AWP_RULE_SET (object);

  g_hash_table_unref (self->by_norm);
  g_ptr_array_unref (self->versions);
  G_OBJECT_CLASS (awp_rule_set_parent_class)->finalize (object);
}

static void
awp_rule_set_class_init (AwpRuleSetClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = awp_rule_set_finalize;
}

static void
awp_rule_set_init (AwpRuleSet *self)
{
  self->versions = g_ptr_array_new_with_free_func ((GDestroyNotify) version_free);
  self->by_norm = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_ptr_array_unref);
}

AwpRuleSet *
awp_rule_set_new (void)
{
  return g_object_new (AWP_TYPE_RULE_SET, NULL);
}

static gboolean
invalid (GError **error, const char *field, const char *why)
{
  g_set_error (error, AWP_DEADLINE_ERROR, AWP_DEADLINE_ERROR_INVALID,
               _("Rule field “%s”: %s"), field, why);
  return FALSE;
}

static gboolean
parse_rule (JsonNode *node, guint index, AwpRule *rule, GError **error)
{
  static const char *kinds[] = { "within", "before", "lasts", "by-date", "extension" };
  g_autofree char *prefix = g_strdup_printf ("rules[%u]", index);
  g_autofree char *field = NULL;
  JsonObject *obj;
  const char *s;
  gint64 v;
  guint k;

#define FIELD(name) (g_free (field), field = g_strdup_printf ("%s.%s", prefix, name))
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return invalid (error, prefix, _("must be an object"));
  obj = json_node_get_object (node);

  if ((s = awp_json_get_string (obj, "norm")) == NULL || *s == '\0')
    return invalid (error, FIELD ("norm"), _("must be a non-empty string"));
  rule->norm = g_strdup (s);
  if ((s = awp_json_get_string (obj, "starts")) == NULL || *s == '\0')
    return invalid (error, FIELD ("starts"), _("must be a non-empty string"));
  rule->starts = g_strdup (s);

  s = awp_json_get_string (obj, "kind");
  for (k = 0; k < G_N_ELEMENTS (kinds) && g_strcmp0 (s, kinds[k]) != 0; k++)
    ;
  if (k == G_N_ELEMENTS (kinds))
    return invalid (error, FIELD ("kind"), _("must be “within”, “before”, “lasts”, “by-date” or “extension”"));
  rule->kind = k;

  if (rule->kind == AWP_RULE_BY_DATE)
    {
      if (!awp_json_get_int (obj, "month", 1, 12, &v))
        return invalid (error, FIELD ("month"), _("must be a month number 1 to 12"));
      rule->month = v;
      if (!awp_json_get_int (obj, "day", 1, g_date_get_days_in_month (rule->month, 2001), &v))
        return invalid (error, FIELD ("day"), _("must be a day of that month"));
      rule->mday = v;
      rule->unit = AWP_RULE_CALENDAR_DAYS;
    }
  else
    {
      s = awp_json_get_string (obj, "unit");
      if (g_strcmp0 (s, "working-days") == 0)
        rule->unit = AWP_RULE_WORKING_DAYS;
      else if (g_strcmp0 (s, "calendar-days") == 0)
        rule->unit = AWP_RULE_CALENDAR_DAYS;
      else
        return invalid (error, FIELD ("unit"), _("must be “working-days” or “calendar-days”"));
      if (!awp_json_get_int (obj, "length", 1, 366, &v))
        return invalid (error, FIELD ("length"), _("must be an integer from 1 to 366"));
      rule->length = v;
    }
  if (rule->kind == AWP_RULE_EXTENSION)
    {
      if (!awp_json_get_int (obj, "max_times", 1, 100, &v))
        return invalid (error, FIELD ("max_times"), _("must be a positive integer"));
      rule->max_times = v;
    }
  if (json_object_has_member (obj, "repeat_after_months"))
    {
      if (!awp_json_get_int (obj, "repeat_after_months", 1, 120, &v))
        return invalid (error, FIELD ("repeat_after_months"), _("must be a positive integer"));
      rule->repeat_after_months = v;
      if (!awp_json_get_int (obj, "repeat_every_days", 1, 366, &v))
        return invalid (error, FIELD ("repeat_every_days"), _("must be a positive integer"));
      rule->repeat_every_days = v;
    }

  FIELD ("description");
  if (!read_trilingual (obj, "description", rule->description))
    return invalid (error, field, _("must be an object with kk, ru and en"));
#undef FIELD
  return TRUE;
}

static gint
compare_rules_newest_first (gconstpointer a, gconstpointer b)
{
  const AwpRule *x = *(AwpRule **) a, *y = *(AwpRule **) b;

  return x->from > y->from ? -1 : x->from < y->from;
}

/* Recomputes each rule's [from, until) and the per-norm index. */
static void
reindex (AwpRuleSet *self)
{
  g_hash_table_remove_all (self->by_norm);
  for (guint i = 0; i < self->versions->len; i++)
    {
      AwpRuleVersion *v = g_ptr_array_index (self->versions, i);
      guint32 until = 0;

      /* The next version of the same set ends this one. */
      for (guint j = 0; j < self->versions->len; j++)
        {
          AwpRuleVersion *w = g_ptr_array_index (self->versions, j);
          guint32 from = g_date_get_julian (&w->effective_from);

          if (w != v && g_str_equal (w->rule_set, v->rule_set) &&
              from > g_date_get_julian (&v->effective_from) && (until == 0 || from < until))
            until = from;
        }
      for (guint r = 0; r < v->rules->len; r++)
        {
          AwpRule *rule = g_ptr_array_index (v->rules, r);
          GPtrArray *list = g_hash_table_lookup (self->by_norm, rule->norm);

          rule->from = g_date_get_julian (&v->effective_from);
          rule->until = until;
          if (list == NULL)
            {
              list = g_ptr_array_new ();
              g_hash_table_insert (self->by_norm, rule->norm, list);
            }
          g_ptr_array_add (list, rule);
        }
    }
  {
    GHashTableIter iter;
    gpointer value;

    g_hash_table_iter_init (&iter, self->by_norm);
    while (g_hash_table_iter_next (&iter, NULL, &value))
      g_ptr_array_sort (value, compare_rules_newest_first);
  }
}

gboolean
awp_rule_set_load (AwpRuleSet  *self,
                   GBytes      *json,
                   GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) local_error = NULL;
  g_autoptr(AwpRuleVersion) v = g_new0 (AwpRuleVersion, 1);
  JsonObject *root;
  JsonNode *node;
  JsonArray *rules;
  const char *s;
  gsize len;
  const char *data;

  g_return_val_if_fail (AWP_IS_RULE_SET (self), FALSE);
  g_return_val_if_fail (json != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  v->rules = g_ptr_array_new_with_free_func ((GDestroyNotify) rule_free);
  data = g_bytes_get_data (json, &len);
  if (!json_parser_load_from_data (parser, data != NULL ? data : "", data != NULL ? (gssize) len : 0, &local_error))
    {
      g_set_error (error, AWP_DEADLINE_ERROR, AWP_DEADLINE_ERROR_PARSE,
                   _("Rule data is not valid JSON: %s"), local_error->message);
      return FALSE;
    }
  node = json_parser_get_root (parser);
  if (node == NULL)
    {
      g_set_error_literal (error, AWP_DEADLINE_ERROR, AWP_DEADLINE_ERROR_PARSE, _("The data is empty"));
      return FALSE;
    }
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return invalid (error, "/", _("must be an object"));
  root = json_node_get_object (node);

  if ((s = awp_json_get_string (root, "rule_set")) == NULL || *s == '\0')
    return invalid (error, "rule_set", _("must be a non-empty string"));
  v->rule_set = g_strdup (s);
  if (json_object_has_member (root, "title") && !read_trilingual (root, "title", v->title))
    return invalid (error, "title", _("must be an object with kk, ru and en"));
  if (!awp_json_get_int (root, "version", 1, G_MAXINT32, &v->version))
    return invalid (error, "version", _("must be a positive integer"));
  if (!awp_calendar_parse_date (awp_json_get_string (root, "effective_from"), "effective_from", &v->effective_from, &local_error))
    {
      /* One error domain for everything wrong in a rule file. */
      g_set_error_literal (error, AWP_DEADLINE_ERROR, AWP_DEADLINE_ERROR_INVALID, local_error->message);
      return FALSE;
    }
  if ((s = awp_json_get_string (root, "source")) == NULL || *s == '\0')
    return invalid (error, "source", _("must be a non-empty string"));
  v->source = g_strdup (s);
  node = json_object_get_member (root, "rules");
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return invalid (error, "rules", _("must be an array"));
  rules = json_node_get_array (node);

  for (guint i = 0; i < json_array_get_length (rules); i++)
    {
      AwpRule *rule = g_new0 (AwpRule, 1);

      g_ptr_array_add (v->rules, rule);
      rule->version = v;
      if (!parse_rule (json_array_get_element (rules, i), i, rule, error))
        return FALSE;
      for (guint j = 0; j < i; j++)
        if (g_str_equal (((AwpRule *) g_ptr_array_index (v->rules, j))->norm, rule->norm))
          return invalid (error, "rules", _("a norm appears twice"));
    }
  for (guint i = 0; i < self->versions->len; i++)
    {
      AwpRuleVersion *w = g_ptr_array_index (self->versions, i);

      if (g_str_equal (w->rule_set, v->rule_set) &&
          (w->version == v->version || g_date_compare (&w->effective_from, &v->effective_from) == 0))
        return invalid (error, "version", _("this rule set already has that version or effective date"));
    }

  g_ptr_array_add (self->versions, g_steal_pointer (&v));
  reindex (self);
  return TRUE;
}

static gboolean
load_file (GBytes *bytes, gpointer self, GError **error)
{
  return awp_rule_set_load (self, bytes, error);
}

AwpRuleSet *
awp_rule_set_new_default (GError **error)
{
  g_autoptr(AwpRuleSet) self = awp_rule_set_new ();

  if (!awp_json_load_data_dir ("rules", "", load_file, self, error))
    return NULL;
  return g_steal_pointer (&self);
}

const AwpRule *
awp_rule_set_lookup (AwpRuleSet  *self,
                     const char  *norm_id,
                     const GDate *date,
                     GError     **error)
{
  GPtrArray *list;
  guint32 day;

  g_return_val_if_fail (AWP_IS_RULE_SET (self), NULL);
  g_return_val_if_fail (date != NULL, NULL);

  list = norm_id != NULL ? g_hash_table_lookup (self->by_norm, norm_id) : NULL;
  if (list == NULL)
    {
      g_set_error (error, AWP_DEADLINE_ERROR, AWP_DEADLINE_ERROR_UNKNOWN_NORM,
                   _("Unknown norm “%s”"), norm_id != NULL ? norm_id : "");
      return NULL;
    }
  day = g_date_get_julian (date);
  for (guint i = 0; i < list->len; i++)
    {
      AwpRule *rule = g_ptr_array_index (list, i);

      if (rule->from <= day)
        {
          if (rule->until == 0 || day < rule->until)
            return rule;
          break;
        }
    }
  {
    g_autofree char *when = awp_calendar_format_date (date);

    g_set_error (error, AWP_DEADLINE_ERROR, AWP_DEADLINE_ERROR_NOT_IN_FORCE,
                 _("Norm %s was not in force on %s"), norm_id, when);
  }
  return NULL;
}

const AwpRule *
awp_rule_set_newest (AwpRuleSet *self,
                     const char *norm_id)
{
  GPtrArray *list = norm_id != NULL ? g_hash_table_lookup (self->by_norm, norm_id) : NULL;

  return list != NULL ? g_ptr_array_index (list, 0) : NULL;
}

static int
compare_strings (const void *a, const void *b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

char **
awp_rule_set_list_norms (AwpRuleSet *self)
{
  g_autofree const char **keys = NULL;
  guint n;
  char **out;

  g_return_val_if_fail (AWP_IS_RULE_SET (self), NULL);

  keys = (const char **) g_hash_table_get_keys_as_array (self->by_norm, &n);
  out = g_new0 (char *, n + 1);
  for (guint i = 0; i < n; i++)
    out[i] = g_strdup (keys[i]);
  qsort (out, n, sizeof (char *), compare_strings);
  return out;
}

const char *
awp_rule_get_norm (const AwpRule *rule)
{
  g_return_val_if_fail (rule != NULL, NULL);
  return rule->norm;
}

AwpRuleKind
awp_rule_get_kind (const AwpRule *rule)
{
  g_return_val_if_fail (rule != NULL, AWP_RULE_WITHIN);
  return rule->kind;
}

AwpRuleUnit
awp_rule_get_unit (const AwpRule *rule)
{
  g_return_val_if_fail (rule != NULL, AWP_RULE_WORKING_DAYS);
  return rule->unit;
}

int
awp_rule_get_length (const AwpRule *rule)
{
  g_return_val_if_fail (rule != NULL, 0);
  return rule->length;
}

const char *
awp_rule_get_description (const AwpRule *rule)
{
  g_return_val_if_fail (rule != NULL, NULL);
  return rule->description[awp_calendar_lang_index ()];
}

const char *
awp_rule_get_rule_set_title (const AwpRule *rule)
{
  const char *title;

  g_return_val_if_fail (rule != NULL, NULL);
  title = rule->version->title[awp_calendar_lang_index ()];
  return title != NULL ? title : rule->version->rule_set;
}

const char *
awp_rule_get_starts (const AwpRule *rule)
{
  g_return_val_if_fail (rule != NULL, NULL);
  return rule->starts;
}

const char *
awp_rule_get_rule_set (const AwpRule *rule)
{
  g_return_val_if_fail (rule != NULL, NULL);
  return rule->version->rule_set;
}

gint64
awp_rule_get_version (const AwpRule *rule)
{
  g_return_val_if_fail (rule != NULL, 0);
  return rule->version->version;
}

const GDate *
awp_rule_get_effective_from (const AwpRule *rule)
{
  g_return_val_if_fail (rule != NULL, NULL);
  return &rule->version->effective_from;
}
