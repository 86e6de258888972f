#include "config.h"

#include <glib/gi18n-lib.h>

#include "awp-survey-template.h"
#include "awp-validate.h"

/* Rules No. 145, Annex 2 (O145-A2), and the rules on its dates: O145-7,
 * O145-8.2, O145-11. */

static void
check_plain (JsonObject *data,
             const char *field,
             const char *label,
             guint       max_chars,
             GPtrArray  *issues)
{
  const char *value = json_object_get_string_member_with_default (data, field, "");
  g_autoptr(GError) error = NULL;

  awp_validate_text (value, label, TRUE, max_chars, &error);
  awp_template_add_issue (issues, field, error);
}

static JsonObject *
element_object (JsonArray *array,
                guint      i)
{
  JsonNode *node = json_array_get_element (array, i);

  return JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static JsonArray *
member_array (JsonObject *obj,
              const char *member)
{
  JsonNode *node = obj ? json_object_get_member (obj, member) : NULL;

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

static void
check_question (JsonObject *question,
                guint       q,
                GPtrArray  *issues)
{
  g_autofree char *prefix = g_strdup_printf ("questions[%u].", q);
  /* TRANSLATORS: a field label, "Question 2" */
  g_autofree char *label = g_strdup_printf (_("Question %u"), q + 1);
  const char *choice = json_object_get_string_member_with_default (question, "choice", "single");
  JsonArray *options = member_array (question, "options");
  guint n = options ? json_array_get_length (options) : 0;

  awp_template_check_trilingual (question, "title", prefix, label, AWP_SURVEY_QUESTION_MAX, issues);
  if (!g_str_equal (choice, "single") && !g_str_equal (choice, "multiple"))
    {
      g_autofree char *field = g_strconcat (prefix, "choice", NULL);
      g_autofree char *message = g_strdup_printf (_("%s: choose single or multiple choice"), label);

      g_ptr_array_add (issues, awp_field_error_new (field, "format", message));
    }
  if (n < 2 || n > AWP_SURVEY_MAX_OPTIONS)
    {
      g_autofree char *field = g_strconcat (prefix, "options", NULL);
      g_autofree char *message = n < 2
        ? g_strdup_printf (_("%s: at least two answer options are needed"), label)
        : g_strdup_printf (_("%s: at most %u answer options are allowed"), label, AWP_SURVEY_MAX_OPTIONS);

      g_ptr_array_add (issues, awp_field_error_new (field, n < 2 ? "required" : "too_long", message));
    }
  for (guint o = 0; o < n; o++)
    {
      JsonObject *option = element_object (options, o);
      g_autofree char *option_prefix = g_strdup_printf ("questions[%u].options[%u].", q, o);
      /* TRANSLATORS: a field label, "Question 2, answer option 3" */
      g_autofree char *option_label = g_strdup_printf (_("Question %u, answer option %u"), q + 1, o + 1);
      g_autoptr(JsonObject) empty = json_object_new ();

      awp_template_check_trilingual (option ? option : empty, "title", option_prefix, option_label,
                                     AWP_SURVEY_OPTION_MAX, issues);
    }
}

GPtrArray *
awp_survey_template_validate (JsonObject               *data,
                              const AwpTemplateContext *ctx)
{
  GPtrArray *issues = g_ptr_array_new_with_free_func ((GDestroyNotify) awp_field_error_free);
  JsonArray *questions;
  GDate launch, close;
  guint n;

  g_return_val_if_fail (data != NULL && ctx != NULL, issues);

  check_plain (data, "number", _("Survey number"), AWP_SURVEY_NUMBER_MAX, issues);
  check_plain (data, "category", _("Category"), AWP_SURVEY_CATEGORY_MAX, issues);
  awp_template_check_trilingual (data, "title", NULL, _("Name of the survey"), AWP_SURVEY_TITLE_MAX, issues);
  awp_template_check_date (data, "launch_on", _("Launch date"), &launch, issues);
  awp_template_check_date (data, "close_on", _("Closing date"), &close, issues);

  questions = member_array (data, "questions");
  n = questions ? json_array_get_length (questions) : 0;
  if (n == 0)
    g_ptr_array_add (issues, awp_field_error_new ("questions", "required",
                                                  _("Questions: add at least one question")));
  else if (n > AWP_SURVEY_MAX_QUESTIONS)
    {
      g_autofree char *message = g_strdup_printf (_("Questions: at most %u questions are allowed"),
                                                  AWP_SURVEY_MAX_QUESTIONS);

      g_ptr_array_add (issues, awp_field_error_new ("questions", "too_long", message));
    }
  for (guint q = 0; q < n; q++)
    {
      JsonObject *question = element_object (questions, q);
      g_autoptr(JsonObject) empty = json_object_new ();

      check_question (question ? question : empty, q, issues);
    }
  return issues;
}

static AwpRuleCheck *
check_questions (JsonObject *data)
{
  AwpRuleCheck *check = g_new0 (AwpRuleCheck, 1);
  JsonArray *questions = member_array (data, "questions");
  guint n = questions ? json_array_get_length (questions) : 0;
  guint ready = 0;

  for (guint q = 0; q < n; q++)
    {
      JsonArray *options = member_array (element_object (questions, q), "options");

      if (options != NULL && json_array_get_length (options) >= 2)
        ready++;
    }
  check->id = "questions";
  check->norm = "O145-A2";
  check->title = g_strdup (_("At least one question with at least two answer options"));
  check->status = ready > 0 ? AWP_CHECK_PASSED : AWP_CHECK_FAILED;
  check->explanation = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                     "%u question, %u of them with two or more options.",
                                                     "%u questions, %u of them with two or more options.",
                                                     n),
                                        n, ready);
  return check;
}

GPtrArray *
awp_survey_template_check_rules (JsonObject               *data,
                                 const AwpTemplateContext *ctx)
{
  GPtrArray *checks = g_ptr_array_new_with_free_func ((GDestroyNotify) awp_rule_check_free);
  AwpTemplateContext sent = *ctx;
  GDate launch, close;

  g_return_val_if_fail (data != NULL && ctx != NULL, checks);

  awp_template_get_date (data, "launch_on", &launch);
  awp_template_get_date (data, "close_on", &close);
  awp_template_submission_day (data, ctx, &sent.today);

  g_ptr_array_add (checks, awp_template_check_submission (&sent, &launch, _("Launch date")));
  g_ptr_array_add (checks, awp_template_check_order ("O145-A2", &launch, &close,
                                                     _("Launch date"), _("Closing date")));
  g_ptr_array_add (checks, awp_template_check_lasts (ctx, "O145-11", &launch, &close));
  g_ptr_array_add (checks, check_questions (data));
  return checks;
}

GPtrArray *
awp_survey_template_notices (JsonObject               *data,
                             const AwpTemplateContext *ctx)
{
  GPtrArray *notices = g_ptr_array_new_with_free_func ((GDestroyNotify) awp_notice_free);
  g_autoptr(GArray) again = NULL;
  AwpDeadline due;
  GDate launch, close;
  AwpNotice *notice;

  g_return_val_if_fail (data != NULL && ctx != NULL, notices);

  if (!awp_template_get_date (data, "launch_on", &launch)
      || !awp_deadline_compute (ctx->rules, ctx->calendar, "O145-8.2", &launch, &due, NULL))
    return notices;

  notice = g_new0 (AwpNotice, 1);
  notice->norm = "O145-8.2";
  notice->earliest = launch;
  notice->latest = due.date;
  notice->title = g_strdup (_("Notice of the survey’s launch"));
  g_ptr_array_add (notices, notice);

  if (!awp_template_get_date (data, "close_on", &close))
    {
      awp_template_notices_apply_posted (data, notices);
      return notices;
    }
  again = awp_deadline_reannouncements (ctx->rules, ctx->calendar, "O145-8.2", &launch, &close, NULL);
  for (guint i = 0; again != NULL && i < again->len; i++)
    {
      notice = g_new0 (AwpNotice, 1);
      notice->norm = "O145-8.2";
      g_date_clear (&notice->earliest, 1);
      notice->latest = g_array_index (again, GDate, i);
      /* TRANSLATORS: the survey runs longer than a month; %u counts the repeats */
      notice->title = g_strdup_printf (_("Re-announcement %u of the survey"), i + 1);
      g_ptr_array_add (notices, notice);
    }
  awp_template_notices_apply_posted (data, notices);
  return notices;
}

gboolean
awp_survey_template_submit (AwpStore    *store,
                            const char  *id,
                            const GDate *today,
                            const char  *actor,
                            GError     **error)
{
  return awp_template_submit (store, id, "survey", awp_survey_template_validate,
                              awp_survey_template_check_rules, today, actor, error);
}

/* Question editing. JsonArray cannot insert or move, so a change rebuilds
 * the array in its new order. */

JsonArray *
awp_survey_template_get_questions (JsonObject *data)
{
  JsonArray *questions = member_array (data, "questions");

  if (questions == NULL)
    {
      questions = json_array_new ();
      json_object_set_array_member (data, "questions", questions);
    }
  return questions;
}

static JsonObject *
new_text_object (void)
{
  JsonObject *obj = json_object_new ();

  for (guint i = 0; awp_template_languages[i] != NULL; i++)
    {
      g_autofree char *member = g_strdup_printf ("title_%s", awp_template_languages[i]);

      json_object_set_string_member (obj, member, "");
    }
  return obj;
}

guint
awp_survey_template_add_question (JsonObject *data)
{
  JsonArray *questions = awp_survey_template_get_questions (data);
  JsonObject *question;
  JsonArray *options;

  if (json_array_get_length (questions) >= AWP_SURVEY_MAX_QUESTIONS)
    return G_MAXUINT;
  question = new_text_object ();
  json_object_set_string_member (question, "choice", "single");
  options = json_array_new ();
  /* A question needs two options; start with two empty ones. */
  json_array_add_object_element (options, new_text_object ());
  json_array_add_object_element (options, new_text_object ());
  json_object_set_array_member (question, "options", options);
  json_array_add_object_element (questions, question);
  return json_array_get_length (questions) - 1;
}

/* A copy of @array without element @remove (G_MAXUINT: none), with element
 * @from moved to @to (G_MAXUINT: no move). */
static JsonArray *
rebuilt (JsonArray *array,
         guint      remove,
         guint      from,
         guint      to)
{
  guint n = json_array_get_length (array);
  g_autoptr(GPtrArray) order = g_ptr_array_new ();
  JsonArray *out = json_array_new ();

  for (guint i = 0; i < n; i++)
    if (i != remove)
      g_ptr_array_add (order, json_array_get_element (array, i));
  if (from != G_MAXUINT)
    {
      gpointer moved = g_ptr_array_steal_index (order, from);

      g_ptr_array_insert (order, (int) to, moved);
    }
  for (guint i = 0; i < order->len; i++)
    json_array_add_element (out, json_node_copy (order->pdata[i]));
  return out;
}

gboolean
awp_survey_template_remove_question (JsonObject *data,
                                     guint       question)
{
  JsonArray *questions = awp_survey_template_get_questions (data);

  if (question >= json_array_get_length (questions))
    return FALSE;
  json_object_set_array_member (data, "questions", rebuilt (questions, question, G_MAXUINT, 0));
  return TRUE;
}

gboolean
awp_survey_template_move_question (JsonObject *data,
                                   guint       question,
                                   guint       to)
{
  JsonArray *questions = awp_survey_template_get_questions (data);
  guint n = json_array_get_length (questions);

  if (question >= n || to >= n)
    return FALSE;
  json_object_set_array_member (data, "questions", rebuilt (questions, G_MAXUINT, question, to));
  return TRUE;
}

static JsonObject *
question_at (JsonObject *data,
             guint       question)
{
  JsonArray *questions = awp_survey_template_get_questions (data);

  if (question >= json_array_get_length (questions))
    return NULL;
  return element_object (questions, question);
}

static JsonArray *
options_of (JsonObject *question)
{
  JsonArray *options = member_array (question, "options");

  if (options == NULL)
    {
      options = json_array_new ();
      json_object_set_array_member (question, "options", options);
    }
  return options;
}

gboolean
awp_survey_template_add_option (JsonObject *data,
                                guint       question)
{
  JsonObject *q = question_at (data, question);
  JsonArray *options;

  if (q == NULL)
    return FALSE;
  options = options_of (q);
  if (json_array_get_length (options) >= AWP_SURVEY_MAX_OPTIONS)
    return FALSE;
  json_array_add_object_element (options, new_text_object ());
  return TRUE;
}

gboolean
awp_survey_template_remove_option (JsonObject *data,
                                   guint       question,
                                   guint       option)
{
  JsonObject *q = question_at (data, question);
  JsonArray *options;

  if (q == NULL)
    return FALSE;
  options = options_of (q);
  if (option >= json_array_get_length (options))
    return FALSE;
  json_object_set_array_member (q, "options", rebuilt (options, option, G_MAXUINT, 0));
  return TRUE;
}

gboolean
awp_survey_template_move_option (JsonObject *data,
                                 guint       question,
                                 guint       option,
                                 guint       to)
{
  JsonObject *q = question_at (data, question);
  JsonArray *options;
  guint n;

  if (q == NULL)
    return FALSE;
  options = options_of (q);
  n = json_array_get_length (options);
  if (option >= n || to >= n)
    return FALSE;
  json_object_set_array_member (q, "options", rebuilt (options, G_MAXUINT, option, to));
  return TRUE;
}
