#include "help.h"

const struct helptxt helptext[] = {
  { "-u, --user <user:password>",
    "Server user and password",
    HELP_AUTH },
  { "-U, --proxy-user <user:password>",
    "Proxy user and password",
    HELP_AUTH },
  { NULL, NULL, 0 }
};

int parse_user(struct config *config, const char *nextarg)
{
  /* --user */
  /* user:password */
  return getstr(&config->userpwd, nextarg);
}
