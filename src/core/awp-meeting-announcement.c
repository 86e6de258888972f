#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "awp-meeting.h"
#include "awp-validate.h"

/* O605-8: the announcement the body posts, in Kazakh and in Russian. Its
 * language is the announcement's, not the UI's, so the wording lives here
 * rather than in the .po files. */

typedef struct
{
  const char *heading;
  const char *holds;          /* after the body's name */
  const char *title;
  const char *when;
  const char *hour;           /* before the time */
  const char *place;
  const char *format;
  const char *formats[3];     /* offline, online, hybrid */
  const char *language;
  const char *languages[3];   /* kk, ru, both */
  const char *agenda;
  const char *apply;          /* before the O605-9 cutoff */
  const char *apply_end;      /* after it */
  const char *broadcast;
  const char *responsible;
  const char *phone;
  const char *email;
  const char *weekdays[7];    /* Monday first */
} Wording;

static const Wording kk = {
  .heading = "ХАБАРЛАНДЫРУ",
  .holds = "ашық отырыс өткізеді.",
  .title = "Тақырыбы",
  .when = "Өтетін күні мен уақыты",
  .hour = "сағат ",
  .place = "Өтетін орны",
  .format = "Өткізу нысаны",
  .formats = { "офлайн режимінде", "онлайн режимінде (трансляция арқылы)", "аралас режимде (офлайн және онлайн)" },
  .language = "Отырыс тілі",
  .languages = { "қазақ тілі", "орыс тілі", "қазақ және орыс тілдері" },
  .agenda = "Күн тәртібі",
  .apply = "Отырысқа офлайн режимінде қатысуға өтінімдер (тегі, аты, әкесінің аты (бар болса), туған жылы, "
           "байланыс деректері) қағаз жүзінде немесе электрондық түрде ",
  .apply_end = " қоса алғанда қабылданады.",
  .broadcast = "Онлайн трансляция",
  .responsible = "Жауапты тұлға",
  .phone = "жұмыс телефоны",
  .email = "электрондық пошта",
  .weekdays = { "дүйсенбі", "сейсенбі", "сәрсенбі", "бейсенбі", "жұма", "сенбі", "жексенбі" },
};

static const Wording ru = {
  .heading = "ОБЪЯВЛЕНИЕ",
  .holds = "проводит открытое заседание.",
  .title = "Тема",
  .when = "Дата и время проведения",
  .hour = "",
  .place = "Место проведения",
  .format = "Формат",
  .formats = { "в офлайн-режиме", "в онлайн-режиме (трансляция)", "в смешанном режиме (офлайн и онлайн)" },
  .language = "Язык заседания",
  .languages = { "казахский", "русский", "казахский и русский" },
  .agenda = "Повестка дня",
  .apply = "Заявки на участие в заседании в офлайн-режиме (фамилия, имя, отчество (при наличии), год рождения, "
           "контактные данные) принимаются на бумажном носителе или в электронной форме до ",
  .apply_end = " включительно.",
  .broadcast = "Онлайн-трансляция",
  .responsible = "Ответственное лицо",
  .phone = "рабочий телефон",
  .email = "электронная почта",
  .weekdays = { "понедельник", "вторник", "среда", "четверг", "пятница", "суббота", "воскресенье" },
};

static const char *
str (JsonObject *object,
     const char *member)
{
  return object != NULL ? json_object_get_string_member_with_default (object, member, NULL) : NULL;
}

static char *
format_date (const GDate *date)
{
  return g_strdup_printf ("%02u.%02u.%04u", g_date_get_day (date), g_date_get_month (date), g_date_get_year (date));
}

char *
awp_meeting_announcement (JsonObject  *data,
                          const char  *language,
                          GError     **error)
{
  const Wording *w;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *day = NULL;
  g_autofree char *phone = NULL;
  JsonObject *person;
  JsonObject *due;
  JsonArray *languages;
  JsonArray *agenda;
  const char *format;
  gboolean has_kk = FALSE, has_ru = FALSE;
  guint format_index;
  GDate date;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (g_strcmp0 (language, "kk") == 0 || g_strcmp0 (language, "ru") == 0, NULL);

  if (json_object_get_boolean_member_with_default (data, "closed", FALSE))
    {
      g_set_error_literal (error, AWP_MEETING_ERROR, AWP_MEETING_ERROR_CLOSED,
                           _("A closed meeting has no public announcement (Rules No. 605-NK, para. 3)"));
      return NULL;
    }
  if (!awp_meeting_validate (data, error))
    return NULL;

  w = g_str_equal (language, "kk") ? &kk : &ru;
  awp_meeting_get_date (data, &date);
  day = format_date (&date);
  format = str (data, "format");
  format_index = g_str_equal (format, "offline") ? 0 : g_str_equal (format, "online") ? 1 : 2;
  languages = json_object_get_array_member (data, "languages");
  for (guint i = 0; i < json_array_get_length (languages); i++)
    {
      has_kk |= g_strcmp0 (json_array_get_string_element (languages, i), "kk") == 0;
      has_ru |= g_strcmp0 (json_array_get_string_element (languages, i), "ru") == 0;
    }
  person = json_object_get_object_member (data, "responsible");
  phone = awp_validate_format_phone (str (person, "phone"));

  g_string_append_printf (out, "%s\n\n", w->heading);
  g_string_append_printf (out, "%s %s\n\n", str (data, "body"), w->holds);
  g_string_append_printf (out, "%s: %s\n", w->title, str (data, "title"));
  g_string_append_printf (out, "%s: %s (%s), %s%s\n", w->when, day,
                          w->weekdays[g_date_get_weekday (&date) - 1], w->hour, str (data, "time"));
  if (format_index != 1)
    g_string_append_printf (out, "%s: %s\n", w->place, str (data, "place"));
  g_string_append_printf (out, "%s: %s\n", w->format, w->formats[format_index]);
  g_string_append_printf (out, "%s: %s\n", w->language,
                          w->languages[has_kk && has_ru ? 2 : has_kk ? 0 : 1]);

  g_string_append_printf (out, "\n%s:\n", w->agenda);
  agenda = json_object_get_array_member (data, "agenda");
  for (guint i = 0; i < json_array_get_length (agenda); i++)
    g_string_append_printf (out, "%u. %s\n", i + 1, json_array_get_string_element (agenda, i));

  due = json_object_has_member (data, "deadlines") ? json_object_get_object_member (data, "deadlines") : NULL;
  if (format_index != 1 && str (due, "register_by") != NULL)
    {
      GDate cutoff;

      if (awp_calendar_parse_date (str (due, "register_by"), "register_by", &cutoff, NULL))
        {
          g_autofree char *cutoff_text = format_date (&cutoff);

          g_string_append_printf (out, "\n%s%s%s\n", w->apply, cutoff_text, w->apply_end);
        }
    }
  if (format_index != 0)
    g_string_append_printf (out, "\n%s: %s\n", w->broadcast, str (data, "broadcast_url"));
  g_string_append_printf (out, "\n%s: %s, %s: %s, %s: %s.\n", w->responsible, str (person, "name"),
                          w->phone, phone, w->email, str (person, "email"));

  return g_string_free (g_steal_pointer (&out), FALSE);
}
