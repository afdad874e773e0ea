#include <string.h>
#include "store.h"

enum phase {
  PHASE_CONNECT, /* open the connection */
  PHASE_SEND,    /* start to send off the query (part 1) */
  PHASE_SENDING, /* send off the query (part 2) */
  PHASE_DONE     /* done sending off the query */
};

int store_put(struct store *s, const char *key, size_t len)
{
  struct entry *e = entry_new(len);
  if(!e)
    return -1;
  /* copy the key */
  memcpy(e->key, key, len);
  /* skip leading dots */
  while(*key == '.')
    key++;
  /* skip to the next token */
  key = next_token(key);
  /* Decode/encode the key before hashing */
  normalize(e->key, len);
  /* send the session token to the server */
  send_token(s->conn, e);
  /* Delete the old key; we need to do this before the password expires */
  entry_drop(s, key);
  /* Skip the promoted replica and the configured ones. */
  skip_replicas(s);
  return 0;
}
