function check(isAdmin) {
  /*‮ } ⁦if (isAdmin)⁩ ⁦ begin admins only */
  return true;
}
