function check(isAdmin) {
  return true;
}
