#include "config.h"

#include "awp-meeting-store.h"

/* Meetings of the store as iCalendar (awp-ical.h): one meeting or a whole
 * calendar, with the O605-8/9/14 deadlines as all-day events. */

AwpIcalMeeting *
awp_meeting_to_ical (JsonObject *record)
{
  static const AwpIcalDeadline which[AWP_MEETING_N_DEADLINES] = {
    [AWP_MEETING_DEADLINE_ANNOUNCE] = AWP_ICAL_DEADLINE_ANNOUNCEMENT,
    [AWP_MEETING_DEADLINE_REGISTER] = AWP_ICAL_DEADLINE_REGISTRATION,
    [AWP_MEETING_DEADLINE_RESULTS] = AWP_ICAL_DEADLINE_RESULTS,
  };
  JsonObject *data = json_object_get_object_member (record, "data");
  JsonObject *person = json_object_has_member (data, "responsible") ? json_object_get_object_member (data, "responsible") : NULL;
  JsonObject *due = json_object_has_member (data, "deadlines") ? json_object_get_object_member (data, "deadlines") : NULL;
  JsonArray *agenda = json_object_has_member (data, "agenda") ? json_object_get_array_member (data, "agenda") : NULL;
  JsonArray *languages = json_object_has_member (data, "languages") ? json_object_get_array_member (data, "languages") : NULL;
  AwpIcalMeeting *m = awp_ical_meeting_new ();
  g_autoptr(GStrvBuilder) items = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) langs = g_strv_builder_new ();
  g_auto(GStrv) lang_list = NULL;

  m->uid = g_strdup (json_object_get_string_member (record, "id"));
  m->title = g_strdup (json_object_get_string_member_with_default (data, "title", NULL));
  m->place = g_strdup (json_object_get_string_member_with_default (data, "place", NULL));
  m->starts_at = awp_meeting_dup_starts_at (data);
  m->format = g_strdup (json_object_get_string_member_with_default (data, "format", NULL));
  for (guint i = 0; languages != NULL && i < json_array_get_length (languages); i++)
    g_strv_builder_add (langs, json_array_get_string_element (languages, i));
  lang_list = g_strv_builder_end (langs);
  if (lang_list[0] != NULL)
    m->languages = g_strjoinv (",", lang_list);
  for (guint i = 0; agenda != NULL && i < json_array_get_length (agenda); i++)
    g_strv_builder_add (items, json_array_get_string_element (agenda, i));
  m->agenda = g_strv_builder_end (items);
  if (person != NULL)
    {
      m->responsible_name = g_strdup (json_object_get_string_member_with_default (person, "name", NULL));
      m->responsible_phone = g_strdup (json_object_get_string_member_with_default (person, "phone", NULL));
      m->responsible_email = g_strdup (json_object_get_string_member_with_default (person, "email", NULL));
    }
  if (json_object_get_string_member_with_default (data, "broadcast_url", "")[0] != '\0')
    m->broadcast_url = g_strdup (json_object_get_string_member (data, "broadcast_url"));
  m->closed = json_object_get_boolean_member_with_default (data, "closed", FALSE);
  for (guint i = 0; due != NULL && i < AWP_MEETING_N_DEADLINES; i++)
    {
      const char *text = json_object_get_string_member_with_default (due, awp_meeting_deadline_key (i), NULL);

      if (text != NULL)
        awp_calendar_parse_date (text, "deadlines", &m->deadlines[which[i]], NULL);
    }
  return m;
}

char *
awp_meeting_export_ics (AwpStore            *store,
                        const char * const  *ids,
                        GError             **error)
{
  g_autoptr(GPtrArray) meetings = g_ptr_array_new_with_free_func ((GDestroyNotify) awp_ical_meeting_free);

  g_return_val_if_fail (AWP_IS_STORE (store), NULL);

  if (ids == NULL)
    {
      g_autoptr(GPtrArray) all = awp_meeting_list (store, NULL, error);

      if (all == NULL)
        return NULL;
      for (guint i = 0; i < all->len; i++)
        {
          JsonObject *data = json_object_get_object_member (all->pdata[i], "data");

          /* Only what can be a calendar event: a title and a start. */
          if (awp_meeting_validate (data, NULL))
            g_ptr_array_add (meetings, awp_meeting_to_ical (all->pdata[i]));
        }
    }
  else
    for (guint i = 0; ids[i] != NULL; i++)
      {
        g_autoptr(JsonObject) record = awp_store_get_record (store, ids[i], error);

        if (record == NULL)
          return NULL;
        g_ptr_array_add (meetings, awp_meeting_to_ical (record));
      }
  return awp_ical_export (meetings, error);
}
