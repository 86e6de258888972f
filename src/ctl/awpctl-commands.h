#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Each subcommand gets argv with argv[0] set to its own name and returns the
 * process exit status: 0 success, 1 a negative answer (invalid, broken
 * chain …), 2 a usage error. */
typedef int (*AwpctlCommandFunc) (int argc, char **argv);

typedef struct
{
  const char        *name;
  const char        *usage;
  const char        *summary;
  AwpctlCommandFunc  func;
} AwpctlCommand;

int awpctl_cmd_audit    (int argc, char **argv);
int awpctl_cmd_calendar (int argc, char **argv);
int awpctl_cmd_check    (int argc, char **argv);
int awpctl_cmd_deadline (int argc, char **argv);
int awpctl_cmd_edit     (int argc, char **argv);
int awpctl_cmd_explain  (int argc, char **argv);
int awpctl_cmd_seed     (int argc, char **argv);
int awpctl_cmd_portal   (int argc, char **argv);
int awpctl_cmd_store    (int argc, char **argv);
int awpctl_cmd_sync     (int argc, char **argv);
int awpctl_cmd_workdays (int argc, char **argv);

int awpctl_usage_error (const char *command,
                        const char *usage);

G_END_DECLS
