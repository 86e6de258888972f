#include "config.h"

#include <glib/gi18n-lib.h>

#include "awp-store.h"
#include <string.h>

#include "awp-survey-results.h"

void
awp_survey_question_result_free (AwpSurveyQuestionResult *result)
{
  if (result == NULL)
    return;
  g_free (result->question);
  g_ptr_array_unref (result->options);
  g_array_unref (result->counts);
  g_array_unref (result->percents);
  g_free (result);
}

static JsonArray *
array_member (JsonObject *obj,
              const char *member)
{
  JsonNode *node = obj ? json_object_get_member (obj, member) : NULL;

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

static JsonObject *
object_member (JsonObject *obj,
               const char *member)
{
  JsonNode *node = obj ? json_object_get_member (obj, member) : NULL;

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

/* The text in @lang, or in Kazakh, then Russian, when that is empty. */
static char *
text_in (JsonObject *obj,
         const char *lang)
{
  const char *order[] = { lang, "kk", "ru" };

  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      g_autofree char *member = g_strdup_printf ("title_%s", order[i]);
      const char *text = obj ? json_object_get_string_member_with_default (obj, member, "") : "";

      if (text[0] != '\0')
        return g_strdup (text);
    }
  return g_strdup ("");
}

guint
awp_survey_results_respondents (JsonObject *data)
{
  JsonObject *results = object_member (data, "results");
  gint64 n = results ? json_object_get_int_member_with_default (results, "respondents", 0) : 0;

  return n > 0 && n <= G_MAXUINT ? (guint) n : 0;
}

static gboolean
invalid (GError     **error,
         const char  *field,
         const char  *why)
{
  /* TRANSLATORS: a field such as results.counts[1], then the reason */
  g_set_error (error, AWP_STORE_ERROR, AWP_STORE_ERROR_INVALID, _("%s: %s"), field, why);
  return FALSE;
}

GPtrArray *
awp_survey_results_compute (JsonObject  *data,
                            const char  *lang,
                            GError     **error)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) awp_survey_question_result_free);
  JsonObject *results = object_member (data, "results");
  JsonArray *questions = array_member (data, "questions");
  JsonArray *counts = array_member (results, "counts");
  guint respondents = awp_survey_results_respondents (data);
  guint nq = questions ? json_array_get_length (questions) : 0;

  g_return_val_if_fail (data != NULL, NULL);

  if (results == NULL)
    return g_steal_pointer (&out);
  if (counts == NULL || json_array_get_length (counts) != nq)
    {
      invalid (error, "results.counts", _("one list of counts per question is expected"));
      return NULL;
    }
  for (guint q = 0; q < nq; q++)
    {
      JsonNode *qnode = json_array_get_element (questions, q);
      JsonObject *question = JSON_NODE_HOLDS_OBJECT (qnode) ? json_node_get_object (qnode) : NULL;
      JsonArray *options = array_member (question, "options");
      JsonNode *cnode = json_array_get_element (counts, q);
      JsonArray *qcounts = JSON_NODE_HOLDS_ARRAY (cnode) ? json_node_get_array (cnode) : NULL;
      guint no = options ? json_array_get_length (options) : 0;
      g_autofree char *field = g_strdup_printf ("results.counts[%u]", q);
      AwpSurveyQuestionResult *r;
      guint64 sum = 0;

      if (qcounts == NULL || json_array_get_length (qcounts) != no)
        {
          invalid (error, field, _("one count per answer option is expected"));
          return NULL;
        }
      r = g_new0 (AwpSurveyQuestionResult, 1);
      r->question = text_in (question, lang);
      r->multiple = g_strcmp0 (json_object_get_string_member_with_default (question, "choice", "single"),
                               "multiple") == 0;
      r->options = g_ptr_array_new_with_free_func (g_free);
      r->counts = g_array_new (FALSE, FALSE, sizeof (guint));
      r->percents = g_array_new (FALSE, FALSE, sizeof (double));
      g_ptr_array_add (out, r);
      for (guint o = 0; o < no; o++)
        {
          JsonNode *n = json_array_get_element (qcounts, o);
          JsonNode *onode = json_array_get_element (options, o);
          gint64 value = JSON_NODE_HOLDS_VALUE (n) && json_node_get_value_type (n) == G_TYPE_INT64
                         ? json_node_get_int (n) : -1;
          guint count;
          double percent;

          if (value < 0 || value > respondents)
            {
              invalid (error, field, _("a count is negative, not a number, or more than the respondents"));
              return NULL;
            }
          count = (guint) value;
          sum += count;
          percent = respondents > 0 ? 100.0 * count / respondents : 0.0;
          g_ptr_array_add (r->options, text_in (JSON_NODE_HOLDS_OBJECT (onode) ? json_node_get_object (onode) : NULL,
                                                lang));
          g_array_append_val (r->counts, count);
          g_array_append_val (r->percents, percent);
        }
      if (!r->multiple && sum > respondents)
        {
          invalid (error, field, _("a single-choice question has more answers than respondents"));
          return NULL;
        }
    }
  return g_steal_pointer (&out);
}

static void
csv_field (GString    *out,
           const char *text,
           gboolean    last)
{
  if (strpbrk (text, ";\"\r\n") != NULL)
    {
      g_string_append_c (out, '"');
      for (const char *p = text; *p; p++)
        {
          if (*p == '"')
            g_string_append_c (out, '"');
          g_string_append_c (out, *p);
        }
      g_string_append_c (out, '"');
    }
  else
    g_string_append (out, text);
  g_string_append (out, last ? "\r\n" : ";");
}

char *
awp_survey_results_to_csv (JsonObject  *data,
                           const char  *lang,
                           GError     **error)
{
  g_autoptr(GPtrArray) results = awp_survey_results_compute (data, lang, error);
  GString *out;

  if (results == NULL)
    return NULL;
  out = g_string_new ("\xEF\xBB\xBF");
  csv_field (out, _("No."), FALSE);
  csv_field (out, _("Question"), FALSE);
  csv_field (out, _("Answer option"), FALSE);
  csv_field (out, _("Answers"), FALSE);
  csv_field (out, _("Percent of respondents"), TRUE);
  for (guint q = 0; q < results->len; q++)
    {
      AwpSurveyQuestionResult *r = g_ptr_array_index (results, q);

      for (guint o = 0; o < r->options->len; o++)
        {
          g_autofree char *number = g_strdup_printf ("%u.%u", q + 1, o + 1);
          g_autofree char *count = g_strdup_printf ("%u", g_array_index (r->counts, guint, o));
          char percent[G_ASCII_DTOSTR_BUF_SIZE];

          g_ascii_formatd (percent, sizeof percent, "%.1f", g_array_index (r->percents, double, o));
          /* ru/kk spreadsheets read a decimal comma. */
          g_strdelimit (percent, ".", ',');
          csv_field (out, number, FALSE);
          csv_field (out, r->question, FALSE);
          csv_field (out, r->options->pdata[o], FALSE);
          csv_field (out, count, FALSE);
          csv_field (out, percent, TRUE);
        }
    }
  return g_string_free (out, FALSE);
}
