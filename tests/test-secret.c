#include "config.h"

#include "awp-i18n.h"
#include "awp-secret.h"

/* Runs twice: inside a session with an unlocked gnome-keyring
 * (run-with-keyring.sh), and with no session bus at all, where every call
 * must fail with UNAVAILABLE and a message saying why (AWP_TEST_NO_KEYRING). */

static gboolean
no_keyring (void)
{
  return g_getenv ("AWP_TEST_NO_KEYRING") != NULL;
}

static void
test_store_lookup_clear (void)
{
  const char *server = "https://dialog.example.kz";
  g_autoptr(GError) error = NULL;
  g_autofree char *access = NULL;
  g_autofree char *refresh = NULL;
  g_autofree char *other = NULL;

  if (no_keyring ())
    {
      g_test_skip ("no keyring in this run");
      return;
    }

  g_assert_true (awp_secret_store (server, "aliya", AWP_SECRET_ACCESS_TOKEN, "acc-1", NULL, &error));
  g_assert_no_error (error);
  g_assert_true (awp_secret_store (server, "aliya", AWP_SECRET_REFRESH_TOKEN, "ref-1", NULL, &error));
  g_assert_no_error (error);
  /* A newer token replaces the older one. */
  g_assert_true (awp_secret_store (server, "aliya", AWP_SECRET_ACCESS_TOKEN, "acc-2", NULL, &error));
  g_assert_no_error (error);

  access = awp_secret_lookup (server, "aliya", AWP_SECRET_ACCESS_TOKEN, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (access, ==, "acc-2");
  refresh = awp_secret_lookup (server, "aliya", AWP_SECRET_REFRESH_TOKEN, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (refresh, ==, "ref-1");

  /* Another user or server sees nothing. */
  other = awp_secret_lookup (server, "bolat", AWP_SECRET_ACCESS_TOKEN, NULL, &error);
  g_assert_error (error, AWP_SECRET_ERROR, AWP_SECRET_ERROR_NOT_FOUND);
  g_assert_null (other);
  g_clear_error (&error);
  other = awp_secret_lookup ("https://other.example.kz", "aliya", AWP_SECRET_ACCESS_TOKEN, NULL, &error);
  g_assert_error (error, AWP_SECRET_ERROR, AWP_SECRET_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (awp_secret_clear (server, "aliya", NULL, &error));
  g_assert_no_error (error);
  g_clear_pointer (&access, g_free);
  access = awp_secret_lookup (server, "aliya", AWP_SECRET_ACCESS_TOKEN, NULL, &error);
  g_assert_error (error, AWP_SECRET_ERROR, AWP_SECRET_ERROR_NOT_FOUND);
  g_assert_null (access);
}

static void
test_unavailable (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *value = NULL;

  if (!no_keyring ())
    {
      g_test_skip ("a keyring is running in this run");
      return;
    }

  g_assert_false (awp_secret_store ("https://dialog.example.kz", "aliya", AWP_SECRET_ACCESS_TOKEN,
                                    "acc", NULL, &error));
  g_assert_error (error, AWP_SECRET_ERROR, AWP_SECRET_ERROR_UNAVAILABLE);
  g_assert_true (g_str_has_prefix (error->message, "Keyring: "));
  g_clear_error (&error);

  value = awp_secret_lookup ("https://dialog.example.kz", "aliya", AWP_SECRET_ACCESS_TOKEN, NULL, &error);
  g_assert_null (value);
  g_assert_error (error, AWP_SECRET_ERROR, AWP_SECRET_ERROR_UNAVAILABLE);
}

int
main (int   argc,
      char *argv[])
{
  awp_i18n_init ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/secret/store-lookup-clear", test_store_lookup_clear);
  g_test_add_func ("/secret/unavailable", test_unavailable);

  return g_test_run ();
}
