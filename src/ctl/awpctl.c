#include "config.h"

#include <glib/gi18n.h>

#include "awp-i18n.h"
#include "awpctl-commands.h"

/* awpctl is a stable interface for scripts and tests: plain output on
 * stdout, errors on stderr, documented exit codes. */

static int cmd_version (int argc, char **argv);
static int cmd_help (int argc, char **argv);

static const AwpctlCommand commands[] = {
  { "audit", "verify DB", N_("Check the hash chain of the audit log: prints “ok N entries” (exit 0) or “broken ID” with the first bad entry (exit 1)"), awpctl_cmd_audit },
  { "calendar", "YEAR", N_("List the days off on weekdays and the working weekend days of a year"), awpctl_cmd_calendar },
  { "check", "iin|bin|phone|email VALUE", N_("Check an IIN, BIN, phone number or e-mail address: prints “valid” (for a phone, with its +7 form) and exits 0, or prints the reason and exits 1"), awpctl_cmd_check },
  { "deadline", "NORM DATE", N_("Print YYYY-MM-DD: the due date when DATE is the event; for “at least N days before” norms the latest allowed day before the start DATE; for “lasts at least” norms (O145-9.1, O145-11) the earliest allowed last day when DATE is the first day. Exit 2 on a bad norm or date, 1 when the norm was not in force"), awpctl_cmd_deadline },
  { "edit", "random --db FILE [--seed S] [--count N] | resolve --db FILE [--mine|--theirs]", N_("Make N random changes in the store DB as a person would (edits, new and deleted channels, resolutions of held conflicts), or resolve every held change; prints one line per outbox change (made, gone, resolve, discard). For the soak test"), awpctl_cmd_edit },
  { "explain", "NORM DATE", N_("Explain a deadline day by day"), awpctl_cmd_explain },
  { "help", "", N_("Show the commands"), cmd_help },
  { "seed", "[--requests N] [--seed S] DB", N_("Fill DB with deterministic demo data in Kazakh and Russian (default 1000 requests)"), awpctl_cmd_seed },
  { "portal", "submit-request|submit-application|rate|register|comment --server URL --org ORG …", N_("Act as a citizen on the portal: send a request, an application, a rating, a registration or a comment; prints the new record’s id"), awpctl_cmd_portal },
  { "store", "check DB", N_("Run the full integrity check of a workstation database: prints “ok” (exit 0), or moves a damaged file aside as the workstation does and prints “moved PATH” (exit 1)"), awpctl_cmd_store },
  { "sync", "--server URL --user U [--db FILE] [--no-keyring] [--timeout S] [--batch N] [--ca-file PEM]", N_("Sync the local store with the server once: push the changes made offline, then pull; prints “pushed N applied N conflicts N rejected N pulled N”. The password comes from the keyring, the terminal (not shown) or one line of standard input. HTTPS certificates are checked against the system’s CAs, or only against those in --ca-file"), awpctl_cmd_sync },
  { "version", "", N_("Print the version"), cmd_version },
  { "workdays", "FROM TO", N_("Count the working days from FROM to TO, both included"), awpctl_cmd_workdays },
};

int
awpctl_usage_error (const char *command,
                    const char *usage)
{
  g_printerr (_("Usage: awpctl %s %s\n"), command, usage);
  return 2;
}

static int
cmd_version (int    argc,
             char **argv)
{
  g_print ("awpctl %s\n", PACKAGE_VERSION);
  return 0;
}

static int
cmd_help (int    argc,
          char **argv)
{
  g_print ("%s\n\n", _("Usage: awpctl COMMAND [ARGUMENTS…]"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *head = g_strdup_printf ("%s %s", commands[i].name, commands[i].usage);

      g_print ("  %-36s %s\n", head, _(commands[i].summary));
    }
  return 0;
}

int
main (int   argc,
      char *argv[])
{
  awp_i18n_init ();

  if (argc < 2 || g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h"))
    return cmd_help (argc, argv) == 0 && argc >= 2 ? 0 : 2;
  if (g_str_equal (argv[1], "--version"))
    return cmd_version (argc, argv);

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (argv[1], commands[i].name))
      return commands[i].func (argc - 1, argv + 1);

  g_printerr (_("awpctl: unknown command “%s”; see “awpctl help”\n"), argv[1]);
  return 2;
}
