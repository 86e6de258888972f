#include "config.h"

#include <glib/gi18n.h>

#include "awp-meeting-calendar-private.h"

/* State, keys and properties; the drawing is in awp-meeting-calendar-draw.c. */

G_DEFINE_FINAL_TYPE (AwpMeetingCalendar, awp_meeting_calendar, GTK_TYPE_WIDGET)

enum { PROP_0, PROP_MODEL, PROP_VIEW, PROP_SELECTED_DATE, PROP_TODAY, N_PROPS };
static GParamSpec *properties[N_PROPS];

enum { DAY_ACTIVATED, N_SIGNALS };
static guint signals[N_SIGNALS];

GType
awp_meeting_calendar_view_get_type (void)
{
  static gsize type = 0;
  static const GEnumValue values[] = {
    { AWP_MEETING_CALENDAR_MONTH, "AWP_MEETING_CALENDAR_MONTH", "month" },
    { AWP_MEETING_CALENDAR_WEEK, "AWP_MEETING_CALENDAR_WEEK", "week" },
    { 0, NULL, NULL },
  };

  if (g_once_init_enter (&type))
    g_once_init_leave (&type, g_enum_register_static (g_intern_static_string ("AwpMeetingCalendarView"), values));
  return type;
}

/* ---- dates ---- */

static void
date_from_date_time (GDate *out, GDateTime *dt)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (dt);

  g_date_clear (out, 1);
  g_date_set_dmy (out, g_date_time_get_day_of_month (local), g_date_time_get_month (local),
                  g_date_time_get_year (local));
}

static GDateTime *
date_time_from_date (const GDate *date)
{
  return g_date_time_new_local (g_date_get_year (date), g_date_get_month (date), g_date_get_day (date), 0, 0, 0);
}

const GDate *
awp_meeting_calendar_today_date (AwpMeetingCalendar *self)
{
  if (!self->today_set)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      date_from_date_time (&self->today, now);
    }
  return &self->today;
}

static gboolean
in_range (const GDate *date)
{
  return g_date_valid (date) && g_date_get_year (date) >= MIN_YEAR && g_date_get_year (date) <= MAX_YEAR;
}

/* The Monday on or before @date. */
static GDate
week_start (const GDate *date)
{
  GDate d = *date;

  g_date_subtract_days (&d, g_date_get_weekday (date) - G_DATE_MONDAY);
  return d;
}

gboolean
awp_meeting_calendar_is_day_off (AwpMeetingCalendar *self, const GDate *date)
{
  AwpDayInfo info;

  if (self->working_calendar != NULL && awp_calendar_describe_day (self->working_calendar, date, &info))
    return !info.working;
  return g_date_get_weekday (date) >= G_DATE_SATURDAY;
}

const char *
awp_meeting_calendar_holiday_name (AwpMeetingCalendar *self, const GDate *date)
{
  AwpDayInfo info;

  if (self->working_calendar != NULL && awp_calendar_describe_day (self->working_calendar, date, &info) &&
      info.kind == AWP_DAY_HOLIDAY)
    return info.name;
  return NULL;
}

/* ---- entries by day ---- */

static int
compare_entries (gconstpointer a, gconstpointer b)
{
  AwpCalendarEntry *x = *(AwpCalendarEntry **) a;
  AwpCalendarEntry *y = *(AwpCalendarEntry **) b;
  gboolean x_meeting = awp_calendar_entry_get_kind (x) == AWP_CALENDAR_ENTRY_MEETING;
  gboolean y_meeting = awp_calendar_entry_get_kind (y) == AWP_CALENDAR_ENTRY_MEETING;
  int by_time;

  /* Deadlines last the whole day: first, like all-day events. */
  if (x_meeting != y_meeting)
    return x_meeting - y_meeting;
  by_time = g_date_time_compare (awp_calendar_entry_get_starts_at (x), awp_calendar_entry_get_starts_at (y));
  if (by_time != 0)
    return by_time;
  return g_utf8_collate (awp_calendar_entry_get_title (x), awp_calendar_entry_get_title (y));
}

static GHashTable *
index_entries (AwpMeetingCalendar *self)
{
  guint n;

  if (self->by_day != NULL)
    return self->by_day;
  self->by_day = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  n = self->model != NULL ? g_list_model_get_n_items (self->model) : 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (self->model, i);
      GPtrArray *day;
      GDate date;

      if (!AWP_IS_CALENDAR_ENTRY (item))
        continue;
      date_from_date_time (&date, awp_calendar_entry_get_starts_at (AWP_CALENDAR_ENTRY (item)));
      day = g_hash_table_lookup (self->by_day, GUINT_TO_POINTER (g_date_get_julian (&date)));
      if (day == NULL)
        {
          day = g_ptr_array_new_with_free_func (g_object_unref);
          g_hash_table_insert (self->by_day, GUINT_TO_POINTER (g_date_get_julian (&date)), day);
        }
      g_ptr_array_add (day, g_object_ref (item));
    }
  {
    GHashTableIter iter;
    gpointer day;

    g_hash_table_iter_init (&iter, self->by_day);
    while (g_hash_table_iter_next (&iter, NULL, &day))
      g_ptr_array_sort (day, compare_entries);
  }
  return self->by_day;
}

/* Borrowed; NULL for a day without entries. */
GPtrArray *
awp_meeting_calendar_entries_on (AwpMeetingCalendar *self, const GDate *date)
{
  return g_hash_table_lookup (index_entries (self), GUINT_TO_POINTER (g_date_get_julian (date)));
}

GPtrArray *
awp_meeting_calendar_get_entries_for_date (AwpMeetingCalendar *self,
                                           GDateTime          *date)
{
  GPtrArray *result = g_ptr_array_new_with_free_func (g_object_unref);
  GPtrArray *day;
  GDate d;

  g_return_val_if_fail (AWP_IS_MEETING_CALENDAR (self), result);
  g_return_val_if_fail (date != NULL, result);

  date_from_date_time (&d, date);
  day = awp_meeting_calendar_entries_on (self, &d);
  for (guint i = 0; day != NULL && i < day->len; i++)
    g_ptr_array_add (result, g_object_ref (day->pdata[i]));
  return result;
}

char *
awp_meeting_calendar_dup_selected_text (AwpMeetingCalendar *self)
{
  g_autoptr(GString) text = NULL;
  g_autofree char *day_text = NULL;
  GPtrArray *day;
  const char *holiday;

  g_return_val_if_fail (AWP_IS_MEETING_CALENDAR (self), NULL);

  day_text = awp_calendar_format_day (&self->selected);
  text = g_string_new (day_text);
  holiday = awp_meeting_calendar_holiday_name (self, &self->selected);
  if (holiday != NULL)
    g_string_append_printf (text, " (%s)", holiday);
  day = awp_meeting_calendar_entries_on (self, &self->selected);
  if (day == NULL)
    {
      g_string_append_printf (text, ": %s", _("nothing planned"));
      return g_string_free (g_steal_pointer (&text), FALSE);
    }
  g_string_append (text, ": ");
  for (guint i = 0; i < day->len; i++)
    {
      g_autofree char *label = awp_calendar_entry_dup_label (day->pdata[i]);

      g_string_append_printf (text, "%s%s", i > 0 ? "; " : "", label);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
update_accessible (AwpMeetingCalendar *self)
{
  g_autofree char *text = awp_meeting_calendar_dup_selected_text (self);

  /* The name, not the description: screen readers announce a change of the
   * focused widget's name, so moving the selection reads the new day. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, text,
                                  -1);
}

static gboolean
update_accessible_idle (gpointer data)
{
  AwpMeetingCalendar *self = data;

  self->a11y_idle = 0;
  update_accessible (self);
  return G_SOURCE_REMOVE;
}

/* The entries changed: re-index on the next use, not on every item added. */
static void
invalidate (AwpMeetingCalendar *self)
{
  g_clear_pointer (&self->by_day, g_hash_table_unref);
  if (self->a11y_idle == 0)
    self->a11y_idle = g_idle_add (update_accessible_idle, self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* ---- selection ---- */

static void
select_date (AwpMeetingCalendar *self, const GDate *date)
{
  if (!in_range (date) || g_date_compare (date, &self->selected) == 0)
    return;
  self->selected = *date;
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_DATE]);
}

static void
move_days (AwpMeetingCalendar *self, int days)
{
  GDate d = self->selected;

  if (days > 0)
    g_date_add_days (&d, days);
  else
    g_date_subtract_days (&d, -days);
  select_date (self, &d);
}

static void
move_page (AwpMeetingCalendar *self, int direction)
{
  GDate d = self->selected;

  if (self->view == AWP_MEETING_CALENDAR_WEEK)
    {
      move_days (self, 7 * direction);
      return;
    }
  /* 31 January + 1 month is the last day of February. */
  if (direction > 0)
    g_date_add_months (&d, 1);
  else
    g_date_subtract_months (&d, 1);
  select_date (self, &d);
}

static void
calendar_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  AwpMeetingCalendar *self = AWP_MEETING_CALENDAR (widget);

  if (g_str_equal (action_name, "calendar.next-day"))
    move_days (self, 1);
  else if (g_str_equal (action_name, "calendar.previous-day"))
    move_days (self, -1);
  else if (g_str_equal (action_name, "calendar.next-week"))
    move_days (self, 7);
  else if (g_str_equal (action_name, "calendar.previous-week"))
    move_days (self, -7);
  else if (g_str_equal (action_name, "calendar.next-page"))
    move_page (self, 1);
  else if (g_str_equal (action_name, "calendar.previous-page"))
    move_page (self, -1);
  else if (g_str_equal (action_name, "calendar.today"))
    select_date (self, awp_meeting_calendar_today_date (self));
  else if (g_str_equal (action_name, "calendar.activate-day"))
    {
      g_autoptr(GDateTime) date = date_time_from_date (&self->selected);

      g_signal_emit (self, signals[DAY_ACTIVATED], 0, date);
    }
  else
    g_return_if_reached ();
}

/* ---- layout ---- */

void
awp_meeting_calendar_compute_layout (AwpMeetingCalendar       *self,
                                     float                     width,
                                     float                     height,
                                     AwpMeetingCalendarLayout *l)
{
  GDate first_of_month = self->selected;

  l->x = PAD;
  l->cell_w = MAX (1.f, (width - 2 * PAD) / 7.f);
  if (self->view == AWP_MEETING_CALENDAR_WEEK)
    {
      l->first = week_start (&self->selected);
      l->rows = 1;
      l->y = PAD + TITLE_H + WEEK_HEADER_H;
    }
  else
    {
      g_date_set_day (&first_of_month, 1);
      l->first = week_start (&first_of_month);
      l->rows = (g_date_get_weekday (&first_of_month) - 1 +
                 g_date_get_days_in_month (g_date_get_month (&first_of_month), g_date_get_year (&first_of_month)) + 6) / 7;
      l->y = PAD + TITLE_H + WEEKDAY_H;
    }
  l->cell_h = MAX (1.f, (height - l->y - PAD) / l->rows);
}

static gboolean
date_at (AwpMeetingCalendar *self, double x, double y, GDate *out)
{
  AwpMeetingCalendarLayout l;
  int col, row;

  awp_meeting_calendar_compute_layout (self, gtk_widget_get_width (GTK_WIDGET (self)), gtk_widget_get_height (GTK_WIDGET (self)), &l);
  if (x < l.x || y < l.y)
    return FALSE;
  col = (int) ((x - l.x) / l.cell_w);
  row = (int) ((y - l.y) / l.cell_h);
  if (col > 6 || row >= l.rows)
    return FALSE;
  *out = l.first;
  g_date_add_days (out, row * 7 + col);
  return TRUE;
}

static void
awp_meeting_calendar_measure (GtkWidget      *widget,
                              GtkOrientation  orientation,
                              int             for_size,
                              int            *minimum,
                              int            *natural,
                              int            *minimum_baseline,
                              int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 7 * 44 + 2 * PAD;
      *natural = 7 * 140 + 2 * PAD;
    }
  else
    {
      *minimum = PAD * 2 + TITLE_H + WEEK_HEADER_H + 6 * 44;
      *natural = PAD * 2 + TITLE_H + WEEK_HEADER_H + 6 * 110;
    }
}

/* ---- input ---- */

static void
on_click_pressed (GtkGestureClick    *gesture,
                  int                 n_press,
                  double              x,
                  double              y,
                  AwpMeetingCalendar *self)
{
  GDate date;

  gtk_widget_grab_focus (GTK_WIDGET (self));
  if (!date_at (self, x, y, &date))
    return;
  select_date (self, &date);
  if (n_press == 2)
    gtk_widget_activate_action (GTK_WIDGET (self), "calendar.activate-day", NULL);
}

static void
on_focus_changed (AwpMeetingCalendar *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* ---- properties ---- */

GtkWidget *
awp_meeting_calendar_new (void)
{
  return g_object_new (AWP_TYPE_MEETING_CALENDAR, NULL);
}

static void
on_items_changed (AwpMeetingCalendar *self)
{
  invalidate (self);
}

void
awp_meeting_calendar_set_model (AwpMeetingCalendar *self,
                                GListModel         *model)
{
  g_return_if_fail (AWP_IS_MEETING_CALENDAR (self));
  g_return_if_fail (model == NULL || G_IS_LIST_MODEL (model));

  if (self->model == model)
    return;
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, on_items_changed, self);
  g_set_object (&self->model, model);
  if (model != NULL)
    g_signal_connect_swapped (model, "items-changed", G_CALLBACK (on_items_changed), self);
  invalidate (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODEL]);
}

GListModel *
awp_meeting_calendar_get_model (AwpMeetingCalendar *self)
{
  g_return_val_if_fail (AWP_IS_MEETING_CALENDAR (self), NULL);
  return self->model;
}

void
awp_meeting_calendar_set_view (AwpMeetingCalendar     *self,
                               AwpMeetingCalendarView  view)
{
  g_return_if_fail (AWP_IS_MEETING_CALENDAR (self));
  g_return_if_fail (view == AWP_MEETING_CALENDAR_MONTH || view == AWP_MEETING_CALENDAR_WEEK);

  if (self->view == view)
    return;
  self->view = view;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VIEW]);
}

AwpMeetingCalendarView
awp_meeting_calendar_get_view (AwpMeetingCalendar *self)
{
  g_return_val_if_fail (AWP_IS_MEETING_CALENDAR (self), AWP_MEETING_CALENDAR_MONTH);
  return self->view;
}

void
awp_meeting_calendar_set_selected_date (AwpMeetingCalendar *self,
                                        GDateTime          *date)
{
  GDate d;

  g_return_if_fail (AWP_IS_MEETING_CALENDAR (self));
  g_return_if_fail (date != NULL);

  date_from_date_time (&d, date);
  select_date (self, &d);
}

GDateTime *
awp_meeting_calendar_get_selected_date (AwpMeetingCalendar *self)
{
  g_return_val_if_fail (AWP_IS_MEETING_CALENDAR (self), NULL);
  return date_time_from_date (&self->selected);
}

void
awp_meeting_calendar_set_today (AwpMeetingCalendar *self,
                                GDateTime          *date)
{
  g_return_if_fail (AWP_IS_MEETING_CALENDAR (self));

  self->today_set = date != NULL;
  if (date != NULL)
    date_from_date_time (&self->today, date);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TODAY]);
}

GDateTime *
awp_meeting_calendar_get_today (AwpMeetingCalendar *self)
{
  g_return_val_if_fail (AWP_IS_MEETING_CALENDAR (self), NULL);
  return date_time_from_date (awp_meeting_calendar_today_date (self));
}

void
awp_meeting_calendar_set_working_calendar (AwpMeetingCalendar *self,
                                           AwpCalendar        *calendar)
{
  g_return_if_fail (AWP_IS_MEETING_CALENDAR (self));
  g_return_if_fail (calendar == NULL || AWP_IS_CALENDAR (calendar));

  if (g_set_object (&self->working_calendar, calendar))
    invalidate (self);
}

static void
awp_meeting_calendar_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  AwpMeetingCalendar *self = AWP_MEETING_CALENDAR (object);

  switch (prop_id)
    {
    case PROP_MODEL: g_value_set_object (value, self->model); break;
    case PROP_VIEW: g_value_set_enum (value, self->view); break;
    case PROP_SELECTED_DATE: g_value_take_boxed (value, awp_meeting_calendar_get_selected_date (self)); break;
    case PROP_TODAY: g_value_take_boxed (value, awp_meeting_calendar_get_today (self)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
awp_meeting_calendar_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  AwpMeetingCalendar *self = AWP_MEETING_CALENDAR (object);

  switch (prop_id)
    {
    case PROP_MODEL: awp_meeting_calendar_set_model (self, g_value_get_object (value)); break;
    case PROP_VIEW: awp_meeting_calendar_set_view (self, g_value_get_enum (value)); break;
    case PROP_SELECTED_DATE:
      if (g_value_get_boxed (value) != NULL)
        awp_meeting_calendar_set_selected_date (self, g_value_get_boxed (value));
      break;
    case PROP_TODAY: awp_meeting_calendar_set_today (self, g_value_get_boxed (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
awp_meeting_calendar_dispose (GObject *object)
{
  AwpMeetingCalendar *self = AWP_MEETING_CALENDAR (object);

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, on_items_changed, self);
  g_clear_handle_id (&self->a11y_idle, g_source_remove);
  g_clear_object (&self->model);
  g_clear_object (&self->working_calendar);
  g_clear_pointer (&self->by_day, g_hash_table_unref);
  G_OBJECT_CLASS (awp_meeting_calendar_parent_class)->dispose (object);
}

static void
awp_meeting_calendar_class_init (AwpMeetingCalendarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  static const struct { guint key; const char *action; } keys[] = {
    { GDK_KEY_Right, "calendar.next-day" }, { GDK_KEY_KP_Right, "calendar.next-day" },
    { GDK_KEY_Left, "calendar.previous-day" }, { GDK_KEY_KP_Left, "calendar.previous-day" },
    { GDK_KEY_Down, "calendar.next-week" }, { GDK_KEY_KP_Down, "calendar.next-week" },
    { GDK_KEY_Up, "calendar.previous-week" }, { GDK_KEY_KP_Up, "calendar.previous-week" },
    { GDK_KEY_Page_Down, "calendar.next-page" }, { GDK_KEY_KP_Page_Down, "calendar.next-page" },
    { GDK_KEY_Page_Up, "calendar.previous-page" }, { GDK_KEY_KP_Page_Up, "calendar.previous-page" },
    { GDK_KEY_Home, "calendar.today" }, { GDK_KEY_KP_Home, "calendar.today" },
    { GDK_KEY_Return, "calendar.activate-day" }, { GDK_KEY_KP_Enter, "calendar.activate-day" },
    { GDK_KEY_ISO_Enter, "calendar.activate-day" }, { GDK_KEY_space, "calendar.activate-day" },
  };
  static const char *const actions[] = {
    "calendar.next-day", "calendar.previous-day", "calendar.next-week", "calendar.previous-week",
    "calendar.next-page", "calendar.previous-page", "calendar.today", "calendar.activate-day",
  };

  object_class->dispose = awp_meeting_calendar_dispose;
  object_class->get_property = awp_meeting_calendar_get_property;
  object_class->set_property = awp_meeting_calendar_set_property;
  widget_class->snapshot = awp_meeting_calendar_draw;
  widget_class->measure = awp_meeting_calendar_measure;

  properties[PROP_MODEL] = g_param_spec_object ("model", NULL, NULL, G_TYPE_LIST_MODEL,
    G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_VIEW] = g_param_spec_enum ("view", NULL, NULL, AWP_TYPE_MEETING_CALENDAR_VIEW,
    AWP_MEETING_CALENDAR_MONTH, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED_DATE] = g_param_spec_boxed ("selected-date", NULL, NULL, G_TYPE_DATE_TIME,
    G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TODAY] = g_param_spec_boxed ("today", NULL, NULL, G_TYPE_DATE_TIME,
    G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* ::day-activated (GDateTime *date): Enter or a double click on a day. */
  signals[DAY_ACTIVATED] = g_signal_new ("day-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 1,
                                         G_TYPE_DATE_TIME | G_SIGNAL_TYPE_STATIC_SCOPE);

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    gtk_widget_class_install_action (widget_class, actions[i], NULL, calendar_action);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    gtk_widget_class_add_binding_action (widget_class, keys[i].key, 0, keys[i].action, NULL);

  gtk_widget_class_set_css_name (widget_class, "meetingcalendar");
  /* A single focusable widget that reads out the selected day. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
awp_meeting_calendar_init (AwpMeetingCalendar *self)
{
  GtkGesture *click = gtk_gesture_click_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();

  self->view = AWP_MEETING_CALENDAR_MONTH;
  self->selected = *awp_meeting_calendar_today_date (self);
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_focus_on_click (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);

  g_signal_connect (click, "pressed", G_CALLBACK (on_click_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  g_signal_connect_swapped (focus, "enter", G_CALLBACK (on_focus_changed), self);
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (on_focus_changed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), focus);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _("Meeting calendar. Arrow keys move between days, Page Up and Page Down "
                                    "between months (weeks in the week view), Home goes to today, "
                                    "Enter opens the day."),
                                  -1);
  update_accessible (self);
}
