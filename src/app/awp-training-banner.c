#include "config.h"

#include <glib/gi18n.h>

#include "awp-application.h"
#include "awp-training-banner.h"

struct _AwpTrainingBanner
{
  GtkWidget parent_instance;

  /* Template Widgets */
  GtkLabel *label;
};

G_DEFINE_FINAL_TYPE (AwpTrainingBanner, awp_training_banner, GTK_TYPE_WIDGET)

static AwpTraining *
get_training (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkApplication *app = GTK_IS_WINDOW (root) ? gtk_window_get_application (GTK_WINDOW (root)) : NULL;

  return AWP_IS_APPLICATION (app) ? awp_application_get_training (AWP_APPLICATION (app)) : NULL;
}

static void
reset_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  AwpTraining *training = get_training (widget);
  g_autoptr(GError) error = NULL;

  if (training == NULL)
    return;
  if (!awp_training_reset (training, &error))
    g_critical ("Training reset failed: %s", error->message);
}

static void
on_root_application_cb (GtkWidget *widget)
{
  gtk_widget_set_visible (widget, get_training (widget) != NULL);
}

static void
awp_training_banner_root (GtkWidget *widget)
{
  GtkRoot *root;

  GTK_WIDGET_CLASS (awp_training_banner_parent_class)->root (widget);
  /* The window learns its application after its template is built. */
  root = gtk_widget_get_root (widget);
  if (GTK_IS_WINDOW (root))
    g_signal_connect_object (root, "notify::application", G_CALLBACK (on_root_application_cb),
                             widget, G_CONNECT_SWAPPED);
  on_root_application_cb (widget);
}

static void
awp_training_banner_dispose (GObject *object)
{
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (object), AWP_TYPE_TRAINING_BANNER);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (awp_training_banner_parent_class)->dispose (object);
}

static void
awp_training_banner_class_init (AwpTrainingBannerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = awp_training_banner_dispose;
  widget_class->root = awp_training_banner_root;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/awp-training-banner.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, AwpTrainingBanner, label);
  gtk_widget_class_install_action (widget_class, "training.reset", NULL, reset_action);
}

static void
awp_training_banner_init (AwpTrainingBanner *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
