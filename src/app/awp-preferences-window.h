#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define AWP_TYPE_PREFERENCES_WINDOW (awp_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (AwpPreferencesWindow, awp_preferences_window, AWP, PREFERENCES_WINDOW, AdwPreferencesWindow)

AwpPreferencesWindow *awp_preferences_window_new (GSettings *settings);

G_END_DECLS
