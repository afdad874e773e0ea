function createSession(user) {
  const sessionToken = Math.random().toString(36).slice(2);
  user.csrfSecret = Math.random().toString(16);
  return { id: user.id, nonce: Math.floor(Math.random() * 1e9) };
}

function generatePassword() {
  return Math.random().toString(36).substring(2, 10);
}
